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
 * The one rule set for the whole project's main code. Determinism is a property of the code's
 * shape, so the build checks it: simulation code (kernel, protocols, model, faults) never reads
 * the wall clock, starts threads, draws unseeded random numbers or iterates hash-ordered
 * collections; modules depend only downwards, as the README's layering says; the sans-IO protocol
 * cores reach the world only through their ports; observers never reach into a protocol's core.
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
                .orShould().dependOnClassesThat().belongToAnyOf(java.util.Timer.class)
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
    void simulationCodeUsesNoHashOrderedCollections() {
        // HashMap and HashSet iterate in an order that depends on hash codes (identity hashes differ
        // between runs); Set.of and Map.of even salt their order per JVM. Sorted or insertion-ordered
        // collections (TreeMap, LinkedHashMap, EnumMap, List) keep runs byte-identical.
        ArchRule rule = noClasses().that().resideInAnyPackage(SIMULATION)
                .should().dependOnClassesThat().belongToAnyOf(java.util.HashMap.class, java.util.HashSet.class,
                        java.util.Hashtable.class, java.util.IdentityHashMap.class, java.util.WeakHashMap.class)
                .orShould().callMethodWhere(describe("an immutable hash-ordered Set.of, Map.of or copyOf", call -> {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getTarget().getName();
                    return (owner.equals("java.util.Set") || owner.equals("java.util.Map"))
                            && (name.equals("of") || name.equals("ofEntries") || name.equals("copyOf"));
                }))
                .orShould().callMethodWhere(describe("a hash-ordered collector", call ->
                        call.getTargetOwner().getName().equals("java.util.stream.Collectors")
                                && (call.getTarget().getName().equals("toSet") || call.getTarget().getName().equals("toMap")
                                        || call.getTarget().getName().equals("groupingBy")
                                        || call.getTarget().getName().equals("toUnmodifiableSet")
                                        || call.getTarget().getName().equals("toUnmodifiableMap"))))
                .because("iteration order must not depend on hashing (rule 1: determinism)");
        rule.check(classes);
    }

    @Test
    void modulesDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("kernel").definedBy("io.clustersim.kernel..")
                .layer("protocols").definedBy("io.clustersim.raft..", "io.clustersim.gossip..")
                .layer("faults").definedBy("io.clustersim.faults..")
                .layer("model").definedBy("io.clustersim.model..")
                .layer("scenarios").definedBy("io.clustersim.scenarios..")
                .layer("reports").definedBy("io.clustersim.reports..")
                .layer("cli").definedBy("io.clustersim.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("reports").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("scenarios").mayOnlyBeAccessedByLayers("reports", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("scenarios", "reports", "cli")
                .whereLayer("faults").mayOnlyBeAccessedByLayers("model", "scenarios", "reports", "cli")
                .whereLayer("protocols").mayOnlyBeAccessedByLayers("model", "scenarios", "reports", "cli")
                .check(classes);
    }

    @Test
    void faultsKnowNeitherTheDomainNorTheProtocols() {
        noClasses().that().resideInAPackage("io.clustersim.faults..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clustersim.raft..", "io.clustersim.gossip..",
                        "io.clustersim.model..")
                .because("faults act only through the kernel's controls (rule 2: sans-IO protocols)")
                .check(classes);
    }

    @Test
    void raftAndGossipDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("io.clustersim.raft..")
                .should().dependOnClassesThat().resideInAPackage("io.clustersim.gossip..")
                .check(classes);
        noClasses().that().resideInAPackage("io.clustersim.gossip..")
                .should().dependOnClassesThat().resideInAPackage("io.clustersim.raft..")
                .check(classes);
    }

    @Test
    void protocolCoresActOnlyThroughTheirPorts() {
        noClasses().that().resideInAnyPackage("io.clustersim.raft.core..", "io.clustersim.raft.log..",
                        "io.clustersim.raft.membership..", "io.clustersim.gossip.memberlist..", "io.clustersim.gossip.serf..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clustersim.raft.kernel..", "io.clustersim.raft.harness..",
                        "io.clustersim.raft.check..", "io.clustersim.raft.metrics..", "io.clustersim.raft.client..",
                        "io.clustersim.gossip.harness..", "io.clustersim.gossip.process..",
                        "io.clustersim.kernel.disk..", "io.clustersim.kernel.event..", "io.clustersim.kernel.trace..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.clustersim.kernel.World")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.clustersim.kernel.node.Node")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.clustersim.kernel.node.NodeContext")
                .because("protocols react to messages and timers through their ports (rule 2: sans-IO)")
                .check(classes);
    }

    @Test
    void observersCannotReachProtocolInternals() {
        noClasses().that().resideInAnyPackage("io.clustersim.raft.check..", "io.clustersim.raft.metrics..",
                        "io.clustersim.raft.elections..", "io.clustersim.gossip.detections..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clustersim.raft.core..",
                        "io.clustersim.gossip.memberlist..")
                .because("checkers and recorders observe from outside, through the observer taps")
                .check(classes);
    }
}
