package io.clustersim.gossip.serf;

/** Serf's Lamport clock (serf {@code lamport.go}): orders intents about a member across agents. */
final class LamportClock {
    private long counter;

    long time() {
        return counter;
    }

    long increment() {
        return ++counter;
    }

    /** Moves past {@code v}: afterwards the clock is at least {@code v + 1}. */
    void witness(long v) {
        if (v >= counter) {
            counter = v + 1;
        }
    }
}
