package io.clustersim.gossip.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Guards reproducibility (STYLE "What not to do"): the gossip model reads no wall clock, starts no
 * threads, draws no unseeded randomness, and uses no hash-ordered collections whose iteration order
 * could leak into behaviour.
 */
@AnalyzeClasses(packages = "io.clustersim.gossip", importOptions = ImportOption.DoNotIncludeTests.class)
class DeterminismArchTest {

    @ArchTest
    static final ArchRule noWallClock = noClasses().should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().dependOnClassesThat().belongToAnyOf(java.time.Clock.class, java.time.Instant.class);

    @ArchTest
    static final ArchRule noThreads = noClasses().should().dependOnClassesThat()
            .belongToAnyOf(Thread.class, java.util.concurrent.Executor.class, java.util.Timer.class);

    @ArchTest
    static final ArchRule noUnseededRandomness = noClasses().should().dependOnClassesThat()
            .belongToAnyOf(java.util.Random.class, java.util.concurrent.ThreadLocalRandom.class,
                    java.security.SecureRandom.class)
            .orShould().callMethod(Math.class, "random");

    @ArchTest
    static final ArchRule noHashOrderedCollections = noClasses().should().dependOnClassesThat()
            .belongToAnyOf(java.util.HashMap.class, java.util.HashSet.class);
}
