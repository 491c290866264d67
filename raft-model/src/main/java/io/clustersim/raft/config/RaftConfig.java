package io.clustersim.raft.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A Raft server's settings.
 *
 * @param timing when to heartbeat, campaign and step down
 * @param maxAppendEntries entries per AppendEntries at most (hashicorp MaxAppendEntries, 64, 1..1024)
 * @param snapshotThreshold applied entries since the last snapshot that make a snapshot due (8192)
 * @param trailingLogs entries kept in the log after a snapshot, so slightly lagging followers
 *     need no snapshot (10240)
 * @param snapshotIntervalNanos how often to check whether a snapshot is due, at random in
 *     [interval, 2 interval) (120s); 0 checks after every applied batch
 * @param snapshotRetryNanos how long a leader waits for an InstallSnapshot answer before sending
 *     it again (Nomad's raft I/O timeout is 10s; snapshots stream for longer, so 30s)
 * @param clientRouting what a non-leader does with writes and consistent reads
 */
public record RaftConfig(TimingProfile timing, int maxAppendEntries, long snapshotThreshold, long trailingLogs,
        long snapshotIntervalNanos, long snapshotRetryNanos, ClientRouting clientRouting) {

    public RaftConfig {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(clientRouting, "clientRouting");
        if (maxAppendEntries < 1 || maxAppendEntries > 1024) {
            throw new IllegalArgumentException("MaxAppendEntries must be within 1..1024");
        }
        if (snapshotThreshold < 1 || trailingLogs < 0 || snapshotIntervalNanos < 0 || snapshotRetryNanos <= 0) {
            throw new IllegalArgumentException("bad snapshot settings");
        }
    }

    /** hashicorp/raft's DefaultConfig timing (api.go / config.go). */
    public static RaftConfig hashicorp() {
        return of(TimingProfile.Hashicorp.defaults());
    }

    /** etcd's tick-based timing with etcd server's defaults. */
    public static RaftConfig etcd() {
        return of(TimingProfile.Etcd.defaults());
    }

    /** The paper's timing: election timeout uniform in [150, 300) ms, heartbeat 50ms. */
    public static RaftConfig paper() {
        return of(TimingProfile.Custom.paper());
    }

    /** Explicit election timeout range and heartbeat interval. */
    public static RaftConfig custom(Duration electionMin, Duration electionMax, Duration heartbeat) {
        return of(TimingProfile.Custom.of(electionMin, electionMax, heartbeat));
    }

    /** {@code timing} with every other setting at hashicorp's default. */
    public static RaftConfig of(TimingProfile timing) {
        return new RaftConfig(timing, 64, 8192, 10240, 120_000_000_000L, 30_000_000_000L, ClientRouting.REDIRECT);
    }

    public RaftConfig withTiming(TimingProfile t) {
        return new RaftConfig(t, maxAppendEntries, snapshotThreshold, trailingLogs, snapshotIntervalNanos,
                snapshotRetryNanos, clientRouting);
    }

    public RaftConfig withPreVote(boolean on) {
        return withTiming(timing.withPreVote(on));
    }

    public RaftConfig withMaxAppendEntries(int n) {
        return new RaftConfig(timing, n, snapshotThreshold, trailingLogs, snapshotIntervalNanos, snapshotRetryNanos,
                clientRouting);
    }

    public RaftConfig withSnapshotThreshold(long n) {
        return new RaftConfig(timing, maxAppendEntries, n, trailingLogs, snapshotIntervalNanos, snapshotRetryNanos,
                clientRouting);
    }

    public RaftConfig withTrailingLogs(long n) {
        return new RaftConfig(timing, maxAppendEntries, snapshotThreshold, n, snapshotIntervalNanos, snapshotRetryNanos,
                clientRouting);
    }

    public RaftConfig withSnapshotInterval(Duration d) {
        return new RaftConfig(timing, maxAppendEntries, snapshotThreshold, trailingLogs, d.toNanos(), snapshotRetryNanos,
                clientRouting);
    }

    public RaftConfig withSnapshotRetry(Duration d) {
        return new RaftConfig(timing, maxAppendEntries, snapshotThreshold, trailingLogs, snapshotIntervalNanos, d.toNanos(),
                clientRouting);
    }

    public RaftConfig withClientRouting(ClientRouting routing) {
        return new RaftConfig(timing, maxAppendEntries, snapshotThreshold, trailingLogs, snapshotIntervalNanos,
                snapshotRetryNanos, routing);
    }
}
