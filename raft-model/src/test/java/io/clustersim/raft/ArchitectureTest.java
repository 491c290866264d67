package io.clustersim.raft;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Determinism and layering guards (STYLE.md, "What not to do: Apache Ratis"): the Raft model reads
 * no wall clock, starts no threads, draws no unseeded randomness, and its sans-IO core reaches the
 * world only through its ports, never through the kernel's nodes, disks or event loop, the
 * adapter, the harness or the checkers.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clustersim.raft");

    @Test
    void noWallClockThreadsOrUnseededRandomness() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.LocalDateTime")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .check(MAIN);
    }

    @Test
    void theCoreActsOnlyThroughItsPorts() {
        noClasses().that().resideInAPackage("io.clustersim.raft.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clustersim.raft.kernel..",
                        "io.clustersim.raft.harness..", "io.clustersim.raft.check..", "io.clustersim.raft.metrics..",
                        "io.clustersim.raft.client..", "io.clustersim.kernel.disk..", "io.clustersim.kernel.event..",
                        "io.clustersim.kernel.trace..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.clustersim.kernel.World")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.clustersim.kernel.node.Node")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.clustersim.kernel.node.NodeContext")
                .check(MAIN);
    }

    @Test
    void observersCannotReachProtocolInternals() {
        noClasses().that().resideInAnyPackage("io.clustersim.raft.check..", "io.clustersim.raft.metrics..")
                .should().dependOnClassesThat().resideInAPackage("io.clustersim.raft.core..")
                .check(MAIN);
    }
}
