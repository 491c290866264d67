package io.clustersim.kernel.network;

/**
 * Anything a node sends. Protocols declare their messages as records implementing this; the
 * kernel reads only the size (for bandwidth) and the class name (for the trace).
 */
public interface Message {
    /** Bytes on the wire; matters only on links with a bandwidth limit. */
    default int sizeBytes() {
        return 128;
    }
}
