package io.clustersim.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawsTest {

    /** A generator touching every kind of draw, so one round trip exercises them all. */
    private static final Gen<List<Object>> EVERYTHING = draws -> List.of(
            Gens.integers(-5, 5).generate(draws),
            Gens.integers(Long.MIN_VALUE, Long.MAX_VALUE).generate(draws),
            Gens.durations(Duration.ofMillis(1), Duration.ofSeconds(3)).generate(draws),
            Gens.doubles(-1.0, 1.0).generate(draws),
            Gens.seeds().generate(draws),
            Gens.booleans().generate(draws),
            Gens.oneOf("a", "b", "c").generate(draws),
            Gens.lists(Gens.integers(0, 9), 0, 10).generate(draws),
            Gens.topologies(3, 3, 4, 2).generate(draws));

    @Test
    void when_sameSeed_then_sameChoicesAndValues() {
        Draws first = Draws.recording(1234);
        Draws second = Draws.recording(1234);

        assertThat(EVERYTHING.generate(first)).isEqualTo(EVERYTHING.generate(second));
        assertThat(first.choices()).isEqualTo(second.choices()).isNotEmpty();
    }

    @Test
    void when_differentSeeds_then_differentChoices() {
        Draws first = Draws.recording(1);
        Draws second = Draws.recording(2);
        EVERYTHING.generate(first);
        EVERYTHING.generate(second);

        assertThat(first.choices()).isNotEqualTo(second.choices());
    }

    @Test
    void when_recordedChoicesReplayed_then_sameValueAndChoices() {
        for (long seed = 0; seed < 50; seed++) {
            Draws recording = Draws.recording(seed);
            List<Object> value = EVERYTHING.generate(recording);

            Draws replay = Draws.replaying(recording.choices());

            assertThat(EVERYTHING.generate(replay)).as("seed %d", seed).isEqualTo(value);
            assertThat(replay.choices()).isEqualTo(recording.choices());
        }
    }

    @Test
    void when_replayingPastTheEnd_then_everyChoiceIsZero() {
        Draws draws = Draws.replaying(new long[] {7});

        assertThat(draws.draw(10)).isEqualTo(7);
        assertThat(draws.draw(10)).isZero();
        assertThat(draws.draw(1000)).isZero();
        assertThat(draws.choices()).containsExactly(7, 0, 0);
    }

    @Test
    void when_replayedChoiceExceedsBound_then_reducedModuloBound() {
        Draws draws = Draws.replaying(new long[] {27, 5});

        assertThat(draws.draw(10)).isEqualTo(7);
        assertThat(draws.drawInt(100, 102)).isEqualTo(102);
        assertThat(draws.choices()).containsExactly(7, 2);
    }

    @Test
    void when_onlyOneValueIsPossible_then_noChoiceIsRecorded() {
        Draws draws = Draws.recording(3);

        assertThat(draws.drawInt(4, 4)).isEqualTo(4);
        assertThat(draws.choiceCount()).isZero();
    }

    @Test
    void when_drawingFresh_then_valuesStayInTheirBounds() {
        Draws draws = Draws.recording(99);
        for (int i = 0; i < 2000; i++) {
            assertThat(draws.draw(3)).isBetween(0L, 2L);
            assertThat(draws.drawInt(-2, 2)).isBetween(-2, 2);
            assertThat(draws.drawLong(Long.MAX_VALUE - 1, Long.MAX_VALUE))
                    .isGreaterThanOrEqualTo(Long.MAX_VALUE - 1);
            assertThat(draws.drawLong(-1, Long.MAX_VALUE)).isGreaterThanOrEqualTo(-1);
        }
    }

    @Test
    void when_labelledDraw_then_valueIsKeptForTheReport() {
        Draws draws = Draws.replaying(new long[] {3});

        int value = draws.draw(Gens.integers(10, 20), "timeoutMs");

        assertThat(value).isEqualTo(13);
        assertThat(draws.labelledValues()).containsExactly(new Draws.Labelled("timeoutMs", 13));
        assertThat(draws.labelledValues().get(0)).hasToString("timeoutMs = 13");
    }

    @Test
    void when_labelledValueIsAnArray_then_itRendersByContent() {
        assertThat(new Draws.Labelled("ids", new int[] {1, 2})).hasToString("ids = [1, 2]");
    }

    @Test
    void when_assumptionFails_then_tryIsRejected() {
        Draws draws = Draws.recording(0);

        assertThatThrownBy(() -> draws.assume(false)).isInstanceOf(Draws.Reject.class);
    }

    @Test
    void when_boundIsNotPositive_then_drawIsRefused() {
        Draws draws = Draws.recording(0);

        assertThatThrownBy(() -> draws.draw(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> draws.drawInt(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
