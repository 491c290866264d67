package io.clustersim.raft.metrics;

import io.clustersim.kernel.telemetry.MetricName;
import java.util.List;

/** The names of a Raft cluster's metrics, as reports show them. */
public final class RaftMetricNames {
    private RaftMetricNames() {}

    public static final MetricName ELECTIONS = MetricName.counter("elections",
            "real elections started (a term was incremented; pre-vote rounds not counted)");
    public static final MetricName LEADER_CHANGES = MetricName.counter("leaderChanges", "leaders elected after the first");
    public static final MetricName LEADERLESS_SECONDS = MetricName.gauge("leaderlessSeconds", "s",
            "time without a live leader since the first election");
    public static final MetricName TIME_TO_RECOVER_SECONDS = MetricName.samples("timeToRecoverSeconds", "s",
            "per leader loss: until a leader of a later term commits an entry of its own term");
    public static final MetricName LEADERLESS_AS_SEEN_BY_FOLLOWERS_SECONDS = MetricName.samples(
            "leaderlessAsSeenByFollowersSeconds", "s",
            "per leader loss: until the last survivor received the new leader's first AppendEntries");
    public static final MetricName ELECTION_ROUNDS = MetricName.samples("electionRounds", "terms",
            "per election: terms it went through");
    public static final MetricName SPLIT_VOTES = MetricName.counter("splitVotes",
            "terms in which several candidates divided the votes and nobody won");
    public static final MetricName COMMIT_LATENCY_MS = MetricName.samples("commitLatencyMs", "ms",
            "client writes: first send until acknowledgement");
    /** As hashicorp/raft's {@code raft.commitTime} (raft.go, leaderLoop): from the leader's dispatch of an entry to its commit. */
    public static final MetricName COMMIT_TIME_MS = MetricName.samples("raftCommitTimeMs", "ms",
            "per entry a leader appended: until the leader learned it was committed (hashicorp/raft's raft.commitTime)");
    /** Not a report figure: the per-server timeline a report draws ({@link RoleTimeline}'s codes). */
    public static final MetricName SERVER_ROLE = MetricName.level("serverRole", "role",
            "each server's role over time: 3 leader, 2 candidate, 1 follower, 0 down (crashed, exited or paused)");
    public static final MetricName WRITES_SUCCEEDED = MetricName.counter("writesSucceeded", "client writes acknowledged");
    public static final MetricName WRITES_FAILED = MetricName.counter("writesFailed", "client writes that failed");
    public static final MetricName INVARIANT_VIOLATIONS = MetricName.counter("invariantViolations",
            "safety violations seen (0 in every correct run)");
    public static final MetricName COMMITTED_WRITES_LOST = MetricName.counter("committedWritesLost",
            "acknowledged writes that a later commit contradicted (0 in every correct run)");

    public static final List<MetricName> ALL = List.of(ELECTIONS, LEADER_CHANGES, LEADERLESS_SECONDS,
            TIME_TO_RECOVER_SECONDS, LEADERLESS_AS_SEEN_BY_FOLLOWERS_SECONDS, ELECTION_ROUNDS, SPLIT_VOTES,
            COMMIT_LATENCY_MS, COMMIT_TIME_MS, WRITES_SUCCEEDED, WRITES_FAILED, INVARIANT_VIOLATIONS, COMMITTED_WRITES_LOST);
}
