package io.clustersim.raft.log;

/**
 * 64-bit digests computed from content only (never from identity hash codes), so they are equal
 * across runs and JVMs. Used for the prefix digest of the log: two servers whose logs hold the
 * same entry digest at an index hold identical logs up to that index (with overwhelming
 * probability), which is how the checker verifies log matching (Raft paper, section 5.3) without
 * comparing whole logs.
 */
public final class Digest {
    private Digest() {}

    /** Folds {@code value} into {@code hash}; order matters. */
    public static long mix(long hash, long value) {
        long z = hash * 0x9E3779B97F4A7C15L + value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long ofString(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** The prefix digest of {@code entry} given the prefix digest of the entry before it. */
    public static long chain(long previous, LogEntry entry) {
        return mix(mix(mix(previous, entry.index()), entry.term()), entry.payload().digest());
    }
}
