package io.clustersim.kernel.trace;

/** Receives trace events as they happen, e.g. to write them to a file or keep the last few. */
@FunctionalInterface
public interface TraceSink {
    void record(long time, TraceKind kind, String source, String destination, String type, String detail);
}
