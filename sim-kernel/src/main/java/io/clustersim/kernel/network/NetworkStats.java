package io.clustersim.kernel.network;

/** Message counters. Every sent message is eventually delivered or dropped, or still in flight. */
public final class NetworkStats {
    long sent;
    long delivered;
    long dropped;
    long duplicated;
    long retransmitted;

    public long sent() {
        return sent;
    }

    public long delivered() {
        return delivered;
    }

    public long dropped() {
        return dropped;
    }

    public long duplicated() {
        return duplicated;
    }

    /** Stream messages that a loss delayed by a retransmission rather than dropped. */
    public long retransmitted() {
        return retransmitted;
    }
}
