package io.clustersim.kernel.trace;

import java.util.EnumSet;
import java.util.Set;

/** Receives trace events as they happen, e.g. to write them to a file or keep the last few. */
@FunctionalInterface
public interface TraceSink {
    void record(long time, TraceKind kind, String source, String destination, String type, String detail);

    /**
     * The kinds of event this sink reads; the trace hands it no others. Most events are deliveries
     * and timer firings, and a sink that watches only crashes and restarts need not be called for
     * each of them. Every kind by default.
     */
    default Set<TraceKind> kinds() {
        return EnumSet.allOf(TraceKind.class);
    }
}
