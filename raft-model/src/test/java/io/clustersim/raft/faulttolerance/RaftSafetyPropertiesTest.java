package io.clustersim.raft.faulttolerance;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.ScheduledFault;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gens;
import io.clustersim.testkit.property.Property;
import java.util.List;
import java.util.Optional;

/**
 * Random clusters of 1 to 7 voters plus up to 2 non-voters under random workloads and fault
 * schedules: no safety invariant may ever break (the checker throws at the first breach), and once
 * everything heals a leader must be elected within a bound derived from the timeouts and every
 * live server must apply every committed entry.
 */
class RaftSafetyPropertiesTest {

    /** Any mix of crashes, partitions (one-way, bridged), pauses, loss, duplication, transfers, nemeses. */
    @Property(tries = 500)
    void when_faultsStrikeAndHeal_then_safetyHoldsAndTheClusterRecovers(Draws draws) {
        long seed = draws.draw(Gens.seeds(), "seed");
        ClusterParams params = draws.draw(FaultGens.clusters(7, 2), "cluster");
        List<ScheduledFault> faults = draws.draw(FaultGens.schedules(FaultRun.scale(params), 10), "faults");
        runAndRecover(new FaultRun(seed, params, faults));
    }

    /**
     * Election storms: servers crashed right after voting, leaders crashed or cut off right after
     * winning, for the whole fault phase. This is where a lost vote or a commit of an old term's
     * entry (Figure 8) turns into two leaders or a lost write.
     */
    @Property(tries = 1000)
    void when_electionsAreHitAtCriticalMoments_then_safetyHoldsAndTheClusterRecovers(Draws draws) {
        long seed = draws.draw(Gens.seeds(), "seed");
        ClusterParams params = draws.draw(FaultGens.clusters(7, 1), "cluster");
        List<ScheduledFault> faults = draws.draw(FaultGens.storms(FaultRun.scale(params)), "faults");
        runAndRecover(new FaultRun(seed, params, faults));
    }

    private static void runAndRecover(FaultRun run) {
        run.runFaultPhase();
        run.heal();
        Optional<Long> elected = run.awaitLeader();
        assertThat(elected).as("leader within %d ms of healing:%s", run.electionBoundNanos() / 1_000_000,
                run.describe()).isPresent();
        assertThat(run.awaitConvergence(run.electionBoundNanos()))
                .as("every live server applies everything committed:%s", run.describe()).isTrue();
    }
}
