package io.clustersim.kernel.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The run's fingerprint and its optional record. The hash folds in (time, kind, source,
 * destination, type) of every event, so two runs agree on it exactly when they did the same
 * things at the same instants. Node names and message types are hashed by their UTF-8 bytes,
 * which do not depend on the JVM.
 */
public final class Trace {
    private static final long FNV_PRIME = 0x100000001b3L;

    private long hash = 0xcbf29ce484222325L;
    private long recorded;
    /** By kind (ordinal), the sinks that read it, in the order they were added. */
    private final TraceSink[][] sinksByKind = new TraceSink[TraceKind.values().length][0];
    private final int tailCapacity;
    // The tail is a ring of raw fields, formatted only when someone reads it: formatting a line
    // for every event cost more than the event itself.
    private final long[] tailTimes;
    private final TraceKind[] tailKinds;
    private final String[] tailSources;
    private final String[] tailDestinations;
    private final String[] tailTypes;
    private final String[] tailDetails;
    private int tailNext;

    public Trace() {
        this(200);
    }

    /** @param tailCapacity how many recent events to keep in memory for failure reports */
    public Trace(int tailCapacity) {
        this.tailCapacity = Math.max(0, tailCapacity);
        this.tailTimes = new long[this.tailCapacity];
        this.tailKinds = new TraceKind[this.tailCapacity];
        this.tailSources = new String[this.tailCapacity];
        this.tailDestinations = new String[this.tailCapacity];
        this.tailTypes = new String[this.tailCapacity];
        this.tailDetails = new String[this.tailCapacity];
    }

    /** Adds a sink for the kinds it {@linkplain TraceSink#kinds() reads}. */
    public void addSink(TraceSink sink) {
        addSink(sink.kinds(), sink);
    }

    /** Adds a sink for {@code kinds} only (a lambda cannot say which kinds it reads). */
    public void addSink(Set<TraceKind> kinds, TraceSink sink) {
        for (TraceKind k : kinds) {
            TraceSink[] old = sinksByKind[k.ordinal()];
            TraceSink[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = sink;
            sinksByKind[k.ordinal()] = grown;
        }
    }

    /** Records an event; {@code detail} is written to sinks but does not enter the hash. */
    public void record(long time, TraceKind kind, String source, String destination, String type, String detail) {
        long h = hash;
        h = fold(h, time);
        h = fold(h, kind.ordinal());
        h = fold(h, nameHash(source));
        h = fold(h, nameHash(destination));
        h = fold(h, nameHash(type));
        hash = h;
        recorded++;
        if (tailCapacity > 0) {
            int i = tailNext;
            tailTimes[i] = time;
            tailKinds[i] = kind;
            tailSources[i] = source;
            tailDestinations[i] = destination;
            tailTypes[i] = type;
            tailDetails[i] = detail;
            tailNext = i + 1 == tailCapacity ? 0 : i + 1;
        }
        TraceSink[] s = sinksByKind[kind.ordinal()];
        for (int i = 0; i < s.length; i++) {
            s[i].record(time, kind, source, destination, type, detail);
        }
    }

    public void record(long time, TraceKind kind, String source, String destination, String type) {
        record(time, kind, source, destination, type, null);
    }

    /** The running fingerprint. */
    public long hash() {
        return hash;
    }

    /** The fingerprint as 16 lower-case hex digits, as written in reports. */
    public String hashHex() {
        return String.format(java.util.Locale.ROOT, "%016x", hash);
    }

    public long recorded() {
        return recorded;
    }

    /** The most recent events, oldest first, formatted for failure reports. */
    public List<String> tail() {
        int n = (int) Math.min(recorded, tailCapacity);
        List<String> out = new ArrayList<>(n);
        int start = Math.floorMod(tailNext - n, Math.max(1, tailCapacity));
        for (int k = 0; k < n; k++) {
            int i = (start + k) % tailCapacity;
            out.add(format(tailTimes[i], tailKinds[i], tailSources[i], tailDestinations[i], tailTypes[i], tailDetails[i]));
        }
        return out;
    }

    private static String format(long time, TraceKind kind, String src, String dst, String type, String detail) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(time / 1_000_000_000L).append('.').append(String.format(java.util.Locale.ROOT, "%09d", time % 1_000_000_000L)).append("s ")
                .append(kind).append(' ').append(src == null ? "-" : src).append(" -> ").append(dst == null ? "-" : dst)
                .append(' ').append(type == null ? "" : type);
        if (detail != null) {
            sb.append(' ').append(detail);
        }
        return sb.toString();
    }

    private static long fold(long h, long v) {
        // Mix the value first so that small integers spread over all 64 bits.
        v *= 0x9E3779B97F4A7C15L;
        v ^= v >>> 32;
        return (h ^ v) * FNV_PRIME;
    }

    /**
     * A name's contribution: String.hashCode, which the Java API specifies exactly (so it is the
     * same on every JVM) and which a String caches, so the few names a run uses (nodes, message
     * types) are hashed once each instead of at every event; spread over 64 bits.
     */
    private static long nameHash(String s) {
        if (s == null) {
            return 0;
        }
        return (s.hashCode() + 0x1_0000_0000L) * 0x9E3779B97F4A7C15L;
    }
}
