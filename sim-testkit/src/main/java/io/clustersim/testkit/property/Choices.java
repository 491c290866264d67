package io.clustersim.testkit.property;

import java.util.Arrays;

/** Operations on choice sequences, as the shrinker needs them. Every method returns a new array. */
final class Choices {

    private Choices() {
    }

    /**
     * Drops trailing zeros. Replay reads 0 past the end of a sequence, so the trimmed sequence
     * replays exactly like the original; trimming makes equal behaviour compare equal.
     */
    static long[] trim(long[] choices) {
        int end = choices.length;
        while (end > 0 && choices[end - 1] == 0) {
            end--;
        }
        return end == choices.length ? choices.clone() : Arrays.copyOf(choices, end);
    }

    /**
     * Whether {@code a} is simpler than {@code b}: shorter, or as long and smaller at the first
     * difference (shortlex). Every accepted shrink step moves strictly down this well-founded
     * order, which is why shrinking cannot cycle.
     */
    static boolean simpler(long[] a, long[] b) {
        if (a.length != b.length) {
            return a.length < b.length;
        }
        return Arrays.compare(a, b) < 0;
    }

    static long[] without(long[] choices, int from, int count) {
        long[] out = new long[choices.length - count];
        System.arraycopy(choices, 0, out, 0, from);
        System.arraycopy(choices, from + count, out, from, choices.length - from - count);
        return out;
    }

    static long[] with(long[] choices, int index, long value) {
        long[] out = choices.clone();
        out[index] = value;
        return out;
    }
}
