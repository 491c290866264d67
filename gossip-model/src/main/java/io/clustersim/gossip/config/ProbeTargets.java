package io.clustersim.gossip.config;

/** How a member picks whom to probe next. */
public enum ProbeTargets {
    /**
     * memberlist's way: round-robin over a shuffled list, reshuffled at each wrap, so every member
     * is probed once per round and a failure is found within one round (memberlist {@code probe}).
     */
    ROUND_ROBIN,
    /**
     * The SWIM paper's way: a member chosen uniformly at random each period, for studies. The
     * number of periods until some member probes a failed one is then geometric, with mean
     * {@code 1 / (1 - (1 - 1/(n-1))^(n-1))} in a pool of n.
     */
    RANDOM
}
