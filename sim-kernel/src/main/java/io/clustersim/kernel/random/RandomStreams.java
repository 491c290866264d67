package io.clustersim.kernel.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * A node in the tree of random streams. {@code RandomStreams.root(42).stream("server-2/raft")}
 * names a stream by its path; its seed is a hash of the root seed and the path, independent of
 * which other streams exist or in what order they were made.
 */
public final class RandomStreams {
    private final long seed;
    private final String path;

    private RandomStreams(long seed, String path) {
        this.seed = seed;
        this.path = path;
    }

    public static RandomStreams root(long seed) {
        return new RandomStreams(seed, "");
    }

    /** The child named {@code name}; a name with slashes walks several levels. */
    public RandomStreams stream(String name) {
        RandomStreams s = this;
        for (String part : name.split("/")) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty stream name in '" + name + "'");
            }
            s = new RandomStreams(mix(s.seed ^ fnv1a(part)), s.path.isEmpty() ? part : s.path + "/" + part);
        }
        return s;
    }

    /** A fresh generator for this stream, always starting at the same point for the same path. */
    public UniformRandomProvider rng() {
        return new XoRoShiRo128PlusPlus(mix(seed), mix(seed + 0x9E3779B97F4A7C15L));
    }

    public long seed() {
        return seed;
    }

    public String path() {
        return path;
    }

    /** Derives the seed of replication {@code k} from a scenario seed (replication 0 is the seed itself). */
    public static long replicationSeed(long seed, int replication) {
        return replication == 0 ? seed : mix(seed + replication * 0x9E3779B97F4A7C15L);
    }

    // SplitMix64's finaliser: a bijective avalanche, so nearby seeds give unrelated streams.
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public String toString() {
        return "stream(" + (path.isEmpty() ? "<root>" : path) + ")";
    }
}
