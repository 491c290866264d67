package io.clustersim.kernel.time;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes human durations such as {@code 150ms}, {@code 2s}, {@code 1h30m} or
 * {@code 0.3ms}, in the spirit of Go's {@code time.ParseDuration} that Nomad's configuration uses.
 * Units: ns, us (or µs), ms, s, m, h, d. Parsing is exact (decimal arithmetic), so {@code 0.1s}
 * is exactly 100,000,000 ns.
 */
public final class Durations {
    public static final long NANOS_PER_MICRO = 1_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
    public static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");

    private Durations() {}

    /**
     * Parses a non-negative duration.
     *
     * @throws IllegalArgumentException with a message naming the accepted form when malformed or
     *     negative
     */
    public static long parseNanos(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected a duration such as 150ms, 2s or 1h, got nothing");
        }
        String s = text.trim();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("duration must not be negative, got '" + text + "'");
        }
        if (s.equals("0")) {
            return 0;
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        BigDecimal total = BigDecimal.ZERO;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException(
                        "expected a duration such as 150ms, 2s, 1h30m (units ns, us, ms, s, m, h, d), got '" + text + "'");
            }
            total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            at = m.end();
        }
        if (at == 0) {
            throw new IllegalArgumentException(
                    "expected a duration such as 150ms, 2s, 1h30m (units ns, us, ms, s, m, h, d), got '" + text + "'");
        }
        try {
            return total.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration '" + text + "' is too long", e);
        }
    }

    public static Duration parse(String text) {
        return Duration.ofNanos(parseNanos(text));
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> NANOS_PER_MICRO;
            case "ms" -> NANOS_PER_MILLI;
            case "s" -> NANOS_PER_SECOND;
            case "m" -> NANOS_PER_MINUTE;
            case "h" -> NANOS_PER_HOUR;
            case "d" -> NANOS_PER_DAY;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }

    /**
     * Writes the shortest exact form in the largest unit that divides the value, e.g. {@code 90s}
     * is written {@code 1m30s}, {@code 1500000ns} is written {@code 1.5ms}. Round-trips with
     * {@link #parseNanos} for every non-negative value.
     */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        if (nanos == Long.MIN_VALUE) {
            return "-" + decimal(Long.MIN_VALUE, -NANOS_PER_SECOND, "s"); // its negation overflows
        }
        if (nanos < 0) {
            return "-" + format(-nanos);
        }
        if (nanos >= NANOS_PER_MINUTE && nanos % NANOS_PER_SECOND == 0) {
            StringBuilder sb = new StringBuilder();
            long rest = nanos;
            long days = rest / NANOS_PER_DAY;
            rest %= NANOS_PER_DAY;
            long hours = rest / NANOS_PER_HOUR;
            rest %= NANOS_PER_HOUR;
            long minutes = rest / NANOS_PER_MINUTE;
            rest %= NANOS_PER_MINUTE;
            long seconds = rest / NANOS_PER_SECOND;
            if (days > 0) sb.append(days).append('d');
            if (hours > 0) sb.append(hours).append('h');
            if (minutes > 0) sb.append(minutes).append('m');
            if (seconds > 0) sb.append(seconds).append('s');
            return sb.toString();
        }
        if (nanos >= NANOS_PER_SECOND) return decimal(nanos, NANOS_PER_SECOND, "s");
        if (nanos >= NANOS_PER_MILLI) return decimal(nanos, NANOS_PER_MILLI, "ms");
        if (nanos >= NANOS_PER_MICRO) return decimal(nanos, NANOS_PER_MICRO, "us");
        return nanos + "ns";
    }

    private static String decimal(long nanos, long unit, String suffix) {
        return BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString() + suffix;
    }

    public static double toSeconds(long nanos) {
        return nanos / (double) NANOS_PER_SECOND;
    }

    public static double toMillis(long nanos) {
        return nanos / (double) NANOS_PER_MILLI;
    }

    public static long ofMillis(long millis) {
        return Math.multiplyExact(millis, NANOS_PER_MILLI);
    }

    public static long ofSeconds(long seconds) {
        return Math.multiplyExact(seconds, NANOS_PER_SECOND);
    }
}
