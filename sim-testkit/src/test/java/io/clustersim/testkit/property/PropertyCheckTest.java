package io.clustersim.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clustersim.testkit.gen.Gens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PropertyCheckTest {

    private static final String NAME = "io.example.ClusterTest#sumStaysSmall";

    private static final PropertyBody SUM_BELOW_500 = draws -> {
        List<Integer> list = draws.draw(Gens.lists(Gens.integers(0, 1000), 0, 20), "list");
        assertThat(list.stream().mapToInt(Integer::intValue).sum()).as("sum").isLessThan(500);
    };

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream report = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private PropertyFailure runTries(PropertyBody body, long baseSeed, int tries) {
        return catchThrowableOfType(PropertyFailure.class, () -> PropertyCheck.runTries(
                NAME, baseSeed, tries, PropertyCheck.DEFAULT_MAX_SHRINKS, body, report));
    }

    @Test
    void when_propertyFails_then_reportHasSeedMinimalCaseAndReplayLine() {
        PropertyFailure failure = runTries(SUM_BELOW_500, 42, 100);

        assertThat(failure.property()).isEqualTo(NAME);
        assertThat(failure.getMessage())
                .contains("Property failed: " + NAME)
                .contains("seed:        " + failure.seed() + " (try ")
                .contains("base seed 42")
                .contains("list = [500]")
                .contains(failure.choicesBeforeShrinking() + " before shrinking, "
                        + failure.choicesAfterShrinking() + " after")
                .contains("Expecting actual:")
                .contains("Replay: -Dclustersim.seed=" + failure.seed())
                .contains("mvn test -Dclustersim.seed=" + failure.seed()
                        + " -Dtest=ClusterTest#sumStaysSmall");
        assertThat(failure).hasCauseInstanceOf(AssertionError.class);
        assertThat(failure.getCause()).hasMessageContaining("[sum]");
        assertThat(printed.toString(StandardCharsets.UTF_8).strip()).isEqualTo(failure.getMessage());
    }

    @Test
    void when_propertyFails_then_seedIsTheFailingTrysSeed() {
        PropertyFailure failure = runTries(SUM_BELOW_500, 42, 100);

        int tryNumber = Integer.parseInt(
                failure.getMessage().replaceAll("(?s).*\\(try (\\d+) of 100.*", "$1"));
        assertThat(failure.seed()).isEqualTo(Seeds.forTry(42, tryNumber - 1));
    }

    @Test
    void when_failingSeedIsReplayed_then_sameMinimalFailureIsReported() {
        PropertyFailure original = runTries(SUM_BELOW_500, 7, 100);

        PropertyFailure replayed = catchThrowableOfType(PropertyFailure.class, () ->
                PropertyCheck.runSeed(NAME, original.seed(), 2000, SUM_BELOW_500, report));

        assertThat(replayed.seed()).isEqualTo(original.seed());
        assertThat(replayed.minimalValues()).isEqualTo(original.minimalValues());
        assertThat(replayed.minimalChoices()).isEqualTo(original.minimalChoices());
        assertThat(replayed.getMessage()).contains("replay of a given seed");
    }

    @Test
    void when_publicReplayIsUsed_then_itThrowsThePropertyFailure() {
        PropertyFailure original = runTries(SUM_BELOW_500, 7, 100);
        PrintStream stderr = System.err;
        try {
            System.setErr(report); // keep the deliberate failure out of the build log
            assertThatThrownBy(() -> PropertyCheck.replay(NAME, original.seed(), draws -> {
                List<Integer> list = draws.draw(Gens.lists(Gens.integers(0, 1000), 0, 20), "list");
                assertThat(list.stream().mapToInt(Integer::intValue).sum()).isLessThan(500);
            }))
                    .isInstanceOf(PropertyFailure.class)
                    .hasMessageContaining("list = [500]")
                    .hasMessageContaining("-Dclustersim.seed=" + original.seed());
        } finally {
            System.setErr(stderr);
        }
    }

    @Test
    void when_propertyHolds_then_everyTryRunsWithItsOwnSeed() {
        List<Long> seeds = new ArrayList<>();

        PropertyCheck.forAll("holds", 5, 30, draws -> seeds.add(draws.draw(Gens.seeds(), "seed")));

        assertThat(seeds).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void when_sameBaseSeed_then_sameTries() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();

        PropertyCheck.forAll("a", 5, 10, draws -> first.add(draws.drawAnyLong()));
        PropertyCheck.forAll("b", 5, 10, draws -> second.add(draws.drawAnyLong()));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void when_someTriesAreDiscarded_then_propertyStillPasses() {
        AtomicInteger checked = new AtomicInteger();

        PropertyCheck.forAll("half discarded", 1, 100, draws -> {
            draws.assume(draws.drawBoolean());
            checked.incrementAndGet();
        });

        assertThat(checked.get()).isBetween(1, 99);
    }

    @Test
    void when_everyTryIsDiscarded_then_propertyFailsForCheckingNothing() {
        assertThatThrownBy(() -> PropertyCheck.forAll("never valid", 1, 10,
                draws -> draws.draw(Gens.integers(0, 5).filter(x -> x > 5), "x")))
                .isInstanceOf(AssertionError.class)
                .isNotInstanceOf(PropertyFailure.class)
                .hasMessageContaining("all 10 tries were discarded");
    }

    @Test
    void when_shrinkCandidateIsRejected_then_itIsNotKept() {
        // Fails for x >= 10, but inputs below 20 are rejected: the minimum failing valid x is 20.
        PropertyFailure failure = runTries(draws -> {
            int x = draws.draw(Gens.integers(0, 1000), "x");
            draws.assume(x >= 20);
            assertThat(x).isLessThan(10);
        }, 3, 100);

        assertThat(failure.minimalValue("x")).contains(20);
    }

    @Test
    void when_shrinkBudgetIsZero_then_originalFailureIsReported() {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () ->
                PropertyCheck.runTries(NAME, 42, 100, 0, SUM_BELOW_500, report));

        assertThat(failure.shrinkRuns()).isZero();
        assertThat(failure.choicesAfterShrinking()).isEqualTo(failure.choicesBeforeShrinking());
    }

    @Test
    void when_failureDoesNotReproduce_then_reportSaysNondeterministicAndDoesNotShrink() {
        AtomicInteger calls = new AtomicInteger();

        PropertyFailure failure = runTries(draws -> {
            draws.draw(Gens.integers(0, 10), "x");
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("only the first time");
            }
        }, 1, 10);

        assertThat(failure.getMessage()).contains("nondeterministic").contains("only the first time");
        assertThat(failure.shrinkRuns()).isZero();
    }

    @Test
    void when_bodyThrowsAnyException_then_itCountsAsFailure() {
        PropertyFailure failure = runTries(draws -> {
            int x = draws.draw(Gens.integers(0, 100), "x");
            if (x > 50) {
                throw new java.io.IOException("x too big: " + x);
            }
        }, 1, 100);

        assertThat(failure.minimalValue("x")).contains(51);
        assertThat(failure).hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void when_nameIsNotAClassAndMethod_then_noMvnLineIsPrinted() {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () ->
                PropertyCheck.runSeed("ad hoc sweep", 1, 100, draws -> {
                    throw new AssertionError("boom");
                }, report));

        assertThat(failure.getMessage())
                .contains("Replay: -Dclustersim.seed=1")
                .contains("no labelled values")
                .doesNotContain("mvn test");
    }

    @Test
    void when_replayedSeedIsDiscarded_then_replayFailsForCheckingNothing() {
        assertThatThrownBy(() -> PropertyCheck.runSeed("p", 9, 100, draws -> draws.assume(false), report))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("discarded");
    }

    @Test
    void when_argumentsAreInvalid_then_theyAreRefused() {
        assertThatThrownBy(() -> PropertyCheck.forAll("p", 1, 0, draws -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PropertyCheck.forAll("p", 1, 1, -1, draws -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
