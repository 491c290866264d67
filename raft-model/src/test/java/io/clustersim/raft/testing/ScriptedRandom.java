package io.clustersim.raft.testing;

import java.util.ArrayDeque;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A "random" source for rules that depend on which value is drawn: bounded int draws take the
 * scripted values in turn (then 0), or, made with {@link #max()}, always the largest allowed
 * value; bounded long draws take 0 (randomised timeouts at their minimum, as with
 * {@link ZeroRandom}).
 */
public final class ScriptedRandom implements UniformRandomProvider {
    private final ArrayDeque<Integer> ints;
    private final boolean max;

    private ScriptedRandom(List<Integer> ints, boolean max) {
        this.ints = new ArrayDeque<>(ints);
        this.max = max;
    }

    /** Bounded int draws return {@code values} in order, then 0. */
    public static ScriptedRandom draws(Integer... values) {
        return new ScriptedRandom(List.of(values), false);
    }

    /** Bounded int draws return their bound minus one. */
    public static ScriptedRandom max() {
        return new ScriptedRandom(List.of(), true);
    }

    @Override
    public long nextLong() {
        return 0;
    }

    @Override
    public int nextInt(int n) {
        if (max) {
            return n - 1;
        }
        Integer v = ints.pollFirst();
        if (v == null) {
            return 0;
        }
        if (v < 0 || v >= n) {
            throw new IllegalStateException("scripted draw " + v + " outside [0, " + n + ")");
        }
        return v;
    }

    @Override
    public long nextLong(long n) {
        return 0;
    }
}
