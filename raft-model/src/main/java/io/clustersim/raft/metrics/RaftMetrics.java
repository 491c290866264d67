package io.clustersim.raft.metrics;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Samples;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.kernel.trace.TraceKind;
import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.raft.check.InvariantChecker;
import io.clustersim.raft.client.ClientListener;
import io.clustersim.raft.client.ClientOutcome;
import io.clustersim.raft.elections.Election;
import io.clustersim.raft.elections.ElectionRecorder;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.observe.Role;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Records a Raft run's raw metrics.
 *
 * <p>Definitions. A <em>leader exists</em> while some live server is in the leader role.
 * A <em>leader loss</em> is the current leader (the live leader of the highest term) crashing or
 * leaving the leader role; its <em>recovery time</em> runs from the loss until a leader of a
 * later term commits an entry of its own term (its no-op, normally). Losses during a recovery
 * extend that recovery. <em>Leaderless time</em> is counted from the first election on.
 */
public final class RaftMetrics implements RaftObserver, ClientListener, TraceSink {
    private final LongSupplier clock;
    private final InvariantChecker checker;
    /** Live servers in the leader role, by name, with their term. */
    private final TreeMap<String, Long> leaders = new TreeMap<>();
    private long elections;
    private long preVoteRounds;
    private long leadersElected;
    private long leaderlessNanos;
    private long leaderlessSince = -1;
    private boolean everLed;
    private long recoveryStart = -1;
    private long recoveryAfterTerm;
    private final List<Double> recoverySeconds = new ArrayList<>();
    private final List<Double> commitLatencyMs = new ArrayList<>();
    /** Per live leader: the entries it appended and has not yet seen committed, as {index, append time}, in index order. */
    private final TreeMap<String, ArrayDeque<long[]>> uncommitted = new TreeMap<>();
    /** Unboxed: a day of a large fleet commits millions of entries. */
    private final Samples commitTimeMs;
    private long writesOk;
    private long writesFailed;
    private long readsOk;
    private long readsFailed;

    /** @param checker where violation counts come from; may be null (then they read 0) */
    public RaftMetrics(LongSupplier clock, InvariantChecker checker) {
        this.clock = clock;
        this.checker = checker;
        this.commitTimeMs = new Samples(clock);
    }

    // ---- observer ---------------------------------------------------------------------------

    @Override
    public void electionStarted(NodeId node, long term, boolean preVote) {
        if (preVote) {
            preVoteRounds++;
        } else {
            elections++;
        }
    }

    @Override
    public void leaderElected(NodeId node, long term, RaftView view) {
        leadersElected++;
        everLed = true;
        leaders.put(node.name(), term);
        if (leaderlessSince >= 0) {
            leaderlessNanos += clock.getAsLong() - leaderlessSince;
            leaderlessSince = -1;
        }
    }

    @Override
    public void roleChanged(NodeId node, long term, Role from, Role to) {
        if (from == Role.LEADER) {
            lost(node.name());
        }
    }

    @Override
    public void logAppended(NodeId node, long fromIndex, long toIndex, RaftView view) {
        if (view.role() != Role.LEADER) {
            return;
        }
        ArrayDeque<long[]> pending = uncommitted.computeIfAbsent(node.name(), n -> new ArrayDeque<>());
        long now = clock.getAsLong();
        for (long i = fromIndex; i <= toIndex; i++) {
            pending.addLast(new long[] {i, now});
        }
    }

    @Override
    public void entryCommitted(NodeId node, long commitTerm, LogEntry entry, long prefixDigest) {
        ArrayDeque<long[]> pending = uncommitted.get(node.name());
        if (pending != null) {
            // Commits come in index order; an entry the leader did not append itself has no start.
            while (!pending.isEmpty() && pending.peekFirst()[0] < entry.index()) {
                pending.pollFirst();
            }
            if (!pending.isEmpty() && pending.peekFirst()[0] == entry.index()) {
                commitTimeMs.add((clock.getAsLong() - pending.pollFirst()[1]) / 1e6);
            }
        }
        if (recoveryStart < 0) {
            return;
        }
        Long term = leaders.get(node.name());
        if (term != null && term > recoveryAfterTerm && entry.term() == term) {
            recoverySeconds.add((clock.getAsLong() - recoveryStart) / 1e9);
            recoveryStart = -1;
        }
    }

    /**
     * Crashes come from the kernel trace: a crashed process reports nothing itself. A crash or
     * exit ends a leader's term and its uncommitted writes.
     */
    @Override
    public Set<TraceKind> kinds() {
        return EnumSet.of(TraceKind.CRASH, TraceKind.EXIT);
    }

    @Override
    public void record(long time, TraceKind kind, String source, String destination, String type, String detail) {
        lost(source);
    }

    private void lost(String name) {
        uncommitted.remove(name);
        Long term = leaders.remove(name);
        if (term == null) {
            return;
        }
        long now = clock.getAsLong();
        boolean wasCurrent = leaders.values().stream().allMatch(t -> t < term);
        if (wasCurrent && recoveryStart < 0) {
            recoveryStart = now;
            recoveryAfterTerm = term;
        }
        if (leaders.isEmpty() && leaderlessSince < 0) {
            leaderlessSince = now;
        }
    }

    // ---- client listener ------------------------------------------------------------------------

    @Override
    public void completed(ClientOutcome o) {
        if (o.write()) {
            if (o.ok()) {
                writesOk++;
                commitLatencyMs.add(o.latencyMillis());
            } else {
                writesFailed++;
            }
        } else if (o.ok()) {
            readsOk++;
        } else {
            readsFailed++;
        }
    }

    // ---- results ---------------------------------------------------------------------------------

    /** Elections started (real ones: a term was incremented; pre-vote rounds not counted). */
    public long elections() {
        return elections;
    }

    public long preVoteRounds() {
        return preVoteRounds;
    }

    /** Leaders elected after the first one. */
    public long leaderChanges() {
        return Math.max(0, leadersElected - 1);
    }

    /** Total time without a live leader since the first election, up to now. */
    public double leaderlessSeconds() {
        long total = leaderlessNanos;
        if (leaderlessSince >= 0) {
            total += clock.getAsLong() - leaderlessSince;
        }
        return total / 1e9;
    }

    /** One sample per recovered leader loss, in seconds. */
    public List<Double> timeToRecoverSeconds() {
        return List.copyOf(recoverySeconds);
    }

    /** Whether a leader loss has not yet been recovered from. */
    public boolean recovering() {
        return recoveryStart >= 0;
    }

    /** Client write latency (first send to acknowledgement), one sample per successful write. */
    public List<Double> commitLatencyMs() {
        return List.copyOf(commitLatencyMs);
    }

    /** Per entry a leader appended and saw committed: the milliseconds in between (raft.commitTime). */
    public double[] commitTimeMs() {
        return commitTimeMs.values();
    }

    public long writesOk() {
        return writesOk;
    }

    public long writesFailed() {
        return writesFailed;
    }

    public long readsOk() {
        return readsOk;
    }

    public long readsFailed() {
        return readsFailed;
    }

    public long invariantViolations() {
        return checker == null ? 0 : checker.violations().size();
    }

    public long committedWritesLost() {
        return checker == null ? 0 : checker.committedWritesLost();
    }

    public boolean everHadLeader() {
        return everLed;
    }

    /** Live leaders now, by server name, with their terms. */
    public Map<String, Long> currentLeaders() {
        return Collections.unmodifiableSortedMap(leaders);
    }

    /**
     * Writes this cluster's final figures, and its elections' records, into {@code telemetry}
     * under {@code labels} (e.g. the region), named as {@link RaftMetricNames} names them.
     */
    public void publish(Telemetry telemetry, Labels labels, ElectionRecorder elections) {
        telemetry.counter(RaftMetricNames.ELECTIONS, labels).add(elections());
        telemetry.counter(RaftMetricNames.LEADER_CHANGES, labels).add(leaderChanges());
        double leaderless = leaderlessSeconds();
        telemetry.gauge(RaftMetricNames.LEADERLESS_SECONDS, labels, () -> leaderless);
        Samples recover = telemetry.samples(RaftMetricNames.TIME_TO_RECOVER_SECONDS, labels);
        recoverySeconds.forEach(recover::add);
        Samples seen = telemetry.samples(RaftMetricNames.LEADERLESS_AS_SEEN_BY_FOLLOWERS_SECONDS, labels);
        Samples rounds = telemetry.samples(RaftMetricNames.ELECTION_ROUNDS, labels);
        for (Election e : elections.elections()) {
            rounds.add(e.terms());
            telemetry.counter(RaftMetricNames.SPLIT_VOTES, labels).add(e.splitVotes());
            long s = e.leaderlessAsSeenByFollowersNanos();
            if (s >= 0) {
                seen.add(s / 1e9);
            }
        }
        telemetry.counter(RaftMetricNames.SPLIT_VOTES, labels);
        if (writesOk + writesFailed > 0) {
            // Only where Raft clients wrote (a Nomad deployment's writes are its probes').
            Samples commit = telemetry.samples(RaftMetricNames.COMMIT_LATENCY_MS, labels);
            commitLatencyMs.forEach(commit::add);
            telemetry.counter(RaftMetricNames.WRITES_SUCCEEDED, labels).add(writesOk);
            telemetry.counter(RaftMetricNames.WRITES_FAILED, labels).add(writesFailed);
        }
        // With the time each was measured, so that a report can leave out the warm-up or take one fault's window.
        telemetry.samples(RaftMetricNames.COMMIT_TIME_MS, labels).addAll(commitTimeMs);
        telemetry.counter(RaftMetricNames.INVARIANT_VIOLATIONS, labels).add(invariantViolations());
        telemetry.counter(RaftMetricNames.COMMITTED_WRITES_LOST, labels).add(committedWritesLost());
    }

    /** All scalar metrics by name, in a fixed order, for reports. */
    public Map<String, Double> scalars() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("elections", (double) elections);
        m.put("leaderChanges", (double) leaderChanges());
        m.put("leaderlessSeconds", leaderlessSeconds());
        m.put("invariantViolations", (double) invariantViolations());
        m.put("committedWritesLost", (double) committedWritesLost());
        m.put("writesOk", (double) writesOk);
        m.put("writesFailed", (double) writesFailed);
        return m;
    }
}
