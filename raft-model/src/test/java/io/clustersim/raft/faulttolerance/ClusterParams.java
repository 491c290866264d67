package io.clustersim.raft.faulttolerance;

import io.clustersim.kernel.network.Delivery;

/**
 * The cluster a property runs: sizes, timing profile, workload, snapshot threshold, network, disk.
 *
 * @param profile "hashicorp", "etcd" or "paper"
 * @param fsyncMillis uniform fsync latency up to this; or, if {@code heavyTailDisk}, the p99 (at
 *     most 20ms) of a log-normal fsync latency with a 1ms median (disks that now and then stall)
 */
record ClusterParams(int voters, int nonVoters, String profile, boolean preVote, double writesPerSecond,
        int snapshotThreshold, Delivery delivery, double maxLatencyMillis, double fsyncMillis, boolean heavyTailDisk) {}
