package com.example.topology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clustersim.scenarios.api.CheckReport;
import io.clustersim.scenarios.api.ClusterSim;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * No committed write is ever lost, and the file's own expect: section holds, under random crashes,
 * kills, pauses, AZ outages and isolations, slow links and slow disks (a quorum always kept).
 * A failure prints the seed and a failures: block that replays it with `clustersim run`.
 */
class NoCommittedWriteLostTest {
    @Test
    void underRandomFaults_noCommittedWriteIsLostAndWritesRecover() {
        CheckReport report = ClusterSim.check(ClusterSim.load(Path.of("src/test/resources/my-topology.yaml")), 12, 2026);
        assertTrue(report.passed(), report::describe);
    }
}
