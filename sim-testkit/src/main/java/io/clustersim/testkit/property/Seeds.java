package io.clustersim.testkit.property;

import java.nio.charset.StandardCharsets;

/** Seed derivation: per-try seeds from a base seed, and a default base seed from a name. */
public final class Seeds {

    /** 2^64 / golden ratio, the SplitMix64 increment: consecutive tries land far apart. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Seeds() {
    }

    /**
     * The seed of try {@code tryIndex} (from 0): the SplitMix64 output for state
     * {@code baseSeed + (tryIndex + 1) * gamma} (Steele, Lea and Flood, OOPSLA 2014; finaliser
     * constants from Stafford's "variant 13"). Nearby base seeds and nearby try indices give
     * unrelated seeds, and a try's seed does not depend on how many tries run.
     */
    public static long forTry(long baseSeed, int tryIndex) {
        long z = baseSeed + (tryIndex + 1L) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A base seed that depends only on {@code name} (64-bit FNV-1a of its UTF-8 bytes). Unlike
     * {@link String#hashCode()} it has 64 bits, and unlike a clock it gives CI and a laptop the
     * same tries.
     */
    public static long fromName(String name) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
