package io.clustersim.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Determinism is a property of the code's shape, so the build checks it: simulation code (kernel,
 * protocols, model, faults) never reads the wall clock, starts threads or draws unseeded random
 * numbers, and modules depend only downwards.
 */
class ArchitectureTest {
    private static final String[] SIMULATION = {
        "io.clustersim.kernel..", "io.clustersim.raft..", "io.clustersim.gossip..", "io.clustersim.model..", "io.clustersim.faults.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.clustersim");
    }

    @Test
    void simulationCodeDoesNotReadTheWallClock() {
        ArchRule rule = noClasses().that().resideInAnyPackage(SIMULATION)
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethodWhere(describe("java.time's now()", call -> call.getTarget().getName().equals("now")
                        && call.getTargetOwner().getPackageName().equals("java.time")))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .because("virtual time is the only time in a simulation (rule 1: determinism)");
        rule.check(classes);
    }

    @Test
    void simulationCodeStartsNoThreads() {
        ArchRule rule = noClasses().that().resideInAnyPackage(SIMULATION)
                .should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .because("one simulation runs on one thread (rule 1: determinism)");
        rule.check(classes);
    }

    @Test
    void simulationCodeUsesOnlySeededRandomness() {
        ArchRule rule = noClasses().that().resideInAnyPackage(SIMULATION)
                .should().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.util.SplittableRandom.class)
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .orShould().callMethodWhere(describe("an unseeded RandomSource.create()", call -> call.getTarget().getName().equals("create")
                        && call.getTargetOwner().getName().equals("org.apache.commons.rng.simple.RandomSource")
                        && call.getTarget().getRawParameterTypes().isEmpty()))
                .because("all randomness comes from the seeded stream tree (rule 1: determinism)");
        rule.check(classes);
    }

    @Test
    void modulesDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("kernel").definedBy("io.clustersim.kernel..")
                .layer("protocols").definedBy("io.clustersim.raft..", "io.clustersim.gossip..")
                .layer("model").definedBy("io.clustersim.model..")
                .layer("faults").definedBy("io.clustersim.faults..")
                .layer("scenarios").definedBy("io.clustersim.scenarios..")
                .layer("reports").definedBy("io.clustersim.reports..")
                .layer("cli").definedBy("io.clustersim.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("reports").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("scenarios").mayOnlyBeAccessedByLayers("reports", "cli")
                .whereLayer("faults").mayOnlyBeAccessedByLayers("scenarios", "reports", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("faults", "scenarios", "reports", "cli")
                .whereLayer("protocols").mayOnlyBeAccessedByLayers("model", "faults", "scenarios", "reports", "cli")
                .check(classes);
    }

    @Test
    void raftAndGossipDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("io.clustersim.raft..")
                .should().dependOnClassesThat().resideInAPackage("io.clustersim.gossip..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("io.clustersim.gossip..")
                .should().dependOnClassesThat().resideInAPackage("io.clustersim.raft..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
