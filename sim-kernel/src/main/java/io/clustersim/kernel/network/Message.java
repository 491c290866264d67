package io.clustersim.kernel.network;

/**
 * Anything a node sends. Protocols declare their messages as records implementing this; the
 * kernel reads only the size (for bandwidth), the class name (for the trace) and the kind (for
 * message faults).
 */
public interface Message {
    /** Bytes on the wire; matters only on links with a bandwidth limit. */
    default int sizeBytes() {
        return 128;
    }

    /**
     * Whether this message is of {@code kind}, as message faults name kinds: its type's simple
     * name, or a finer kind the type declares (e.g. {@code AppendEntries:entries}, an
     * AppendEntries that carries entries).
     */
    default boolean isKind(String kind) {
        return kind.equals(getClass().getSimpleName());
    }
}
