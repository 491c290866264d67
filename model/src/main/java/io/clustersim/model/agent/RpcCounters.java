package io.clustersim.model.agent;

/** Client RPC outcomes over the whole run, shared by all clients of one cluster. */
public final class RpcCounters {
    long requests;
    long responses;
    long roundTripNanosTotal;

    public long requests() {
        return requests;
    }

    public long responses() {
        return responses;
    }

    public double meanRoundTripMillis() {
        return responses == 0 ? 0 : roundTripNanosTotal / 1e6 / responses;
    }
}
