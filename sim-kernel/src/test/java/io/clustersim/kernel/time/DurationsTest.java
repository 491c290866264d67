package io.clustersim.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} is {1} ns")
    @CsvSource({
        "150ms, 150000000",
        "2s, 2000000000",
        "1h, 3600000000000",
        "1h30m, 5400000000000",
        "0.3ms, 300000",
        "1.5s, 1500000000",
        "0.1s, 100000000",
        "250us, 250000",
        "250µs, 250000",
        "10ns, 10",
        "1d, 86400000000000",
        "1m30s, 90000000000",
        "0, 0",
        "0s, 0",
        "' 5ms ', 5000000",
    })
    void when_textIsAWellFormedDuration_then_parseNanosGivesExactNanoseconds(String text, long nanos) {
        assertThat(Durations.parseNanos(text)).isEqualTo(nanos);
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @ValueSource(strings = {"-1s", "abc", "10", "1x", "", "   ", "s", "1.s", "1s2", "1 s", "ms5", "1.2.3s"})
    void when_textIsMalformedOrNegative_then_parseNanosThrowsIllegalArgument(String text) {
        assertThatThrownBy(() -> Durations.parseNanos(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.trim().isEmpty() ? "" : text);
    }

    @Test
    void when_textIsNull_then_parseNanosThrowsIllegalArgument() {
        assertThatThrownBy(() -> Durations.parseNanos(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_durationExceedsLongNanos_then_parseNanosThrowsIllegalArgument() {
        assertThatThrownBy(() -> Durations.parseNanos("300000d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_parseCalled_then_itReturnsAJavaDuration() {
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @ParameterizedTest(name = "{0} ns is written {1}")
    @CsvSource({
        "0, 0s",
        "10, 10ns",
        "250000, 250us",
        "300000, 300us",
        "1500000, 1.5ms",
        "150000000, 150ms",
        "2000000000, 2s",
        "1500000000, 1.5s",
        "90000000000, 1m30s",
        "5400000000000, 1h30m",
        "86400000000000, 1d",
        "90061000000000, 1d1h1m1s",
        "60500000000, 60.5s",
    })
    void when_formatted_then_textIsTheShortestExactForm(long nanos, String text) {
        assertThat(Durations.format(nanos)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"150ms", "2s", "1h", "1h30m", "300us", "2.5s", "1.5s", "250us", "10ns", "1d", "1m30s"})
    void when_canonicalTextParsedAndFormatted_then_theSameTextComesBack(String text) {
        assertThat(Durations.format(Durations.parseNanos(text))).isEqualTo(text);
    }

    @Test
    void when_anyNonNegativeNanosFormattedAndParsed_then_theSameValueComesBack() {
        SplittableRandom r = new SplittableRandom(99);
        for (int i = 0; i < 5_000; i++) {
            // Spread over every magnitude, and hit round values in each unit half the time.
            long magnitude = 1L << r.nextInt(63);
            long n = r.nextLong(magnitude);
            if (r.nextBoolean()) {
                long[] units = {1, 1_000, 1_000_000, 1_000_000_000, 60_000_000_000L, 3_600_000_000_000L, 86_400_000_000_000L};
                long unit = units[r.nextInt(units.length)];
                n = (n / unit) * unit;
            }
            assertThat(Durations.parseNanos(Durations.format(n))).as("round trip of %d", n).isEqualTo(n);
        }
        assertThat(Durations.parseNanos(Durations.format(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void when_negativeNanosFormatted_then_textHasALeadingMinus() {
        assertThat(Durations.format(-1_500_000)).isEqualTo("-1.5ms");
        assertThat(Durations.format(Long.MIN_VALUE)).isEqualTo("-9223372036.854775808s");
    }

    @Test
    void when_convertingUnits_then_helpersAgree() {
        assertThat(Durations.ofMillis(3)).isEqualTo(3_000_000);
        assertThat(Durations.ofSeconds(2)).isEqualTo(2_000_000_000);
        assertThat(Durations.toMillis(1_500_000)).isEqualTo(1.5);
        assertThat(Durations.toSeconds(250_000_000)).isEqualTo(0.25);
        assertThatThrownBy(() -> Durations.ofSeconds(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }
}
