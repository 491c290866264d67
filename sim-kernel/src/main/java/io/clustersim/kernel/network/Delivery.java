package io.clustersim.kernel.network;

/** How a message travels. */
public enum Delivery {
    /** In order per (source, destination) pair, like a TCP connection; lost on a restart. */
    FIFO,
    /** Each message on its own, possibly overtaking earlier ones, like UDP. */
    DATAGRAM
}
