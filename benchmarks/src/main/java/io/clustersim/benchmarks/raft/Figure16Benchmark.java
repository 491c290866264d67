package io.clustersim.benchmarks.raft;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.MessageFaults;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.trace.TraceKind;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.elections.Election;
import io.clustersim.raft.harness.RaftClusterHarness;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.message.AppendEntries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Raft paper's leader-election experiment (Ongaro and Ousterhout 2014, section 9.3, Figure 16;
 * Ongaro's thesis, chapter 9), on ClusterSim's {@code custom} timing profile, which follows the
 * paper and LogCabin.
 *
 * <p>One trial, as in the paper:
 * <ol>
 *   <li>five servers on one LAN; by default one-way latency lognormal with median
 *       {@value #DEFAULT_LATENCY_MS} ms and fsync lognormal with median {@value #DEFAULT_FSYNC_MS} ms
 *       (each with a p99 of twice its median). The paper gives its broadcast time as about 15 ms,
 *       but its fastest trials (about 85 ms with a 150 ms minimum timeout and a 75 ms heartbeat)
 *       leave only about 10 ms from a timeout until the followers hear the new leader, which in
 *       this model is two fsyncs (candidate, voter) and three one-way trips; these defaults fit
 *       that. A slower LAN can be given on the command line;
 *   <li>election timeouts uniform in the range under test, the heartbeat interval half the minimum;
 *   <li>once a leader is elected, right after one of its heartbeats, it commits five entries
 *       whose AppendEntries reach only two followers (a kernel message fault drops the entries
 *       to the other two), so those two are behind and cannot win the next election;
 *   <li>the next heartbeat reaches every follower (to the lagging two as an empty AppendEntries
 *       they reject, which still restarts their timers), so all timers restart together, as the
 *       paper's synchronised heartbeat before each crash made them; the leader crashes at a
 *       uniformly random time within the following heartbeat interval;
 *   <li>the sample is the time from the crash until every survivor has received the new leader's
 *       first AppendEntries, read from the election record
 *       ({@link Election#leaderlessAsSeenByFollowersNanos()}).
 * </ol>
 * Trial {@code i} of a range uses seed {@code i}; every trial is a pure function of its seed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.raft.Figure16Benchmark [trials] [ranges]
 * </pre>
 * Defaults: 1000 trials per range (100 for 150-150, as in the paper); every range of the figure.
 * It prints per range the median, p90, p99 and max in milliseconds (nearest rank), the mean
 * number of terms per election, and the paper's figures beside them. The paper's values are read
 * off its published vector figure (one step per trial), checked against every number its text
 * prints (150-155 median 287 ms, 150-200 worst 513 ms, 12-24 mean 35 ms and worst 152 ms).
 */
public final class Figure16Benchmark {
    /** One-way latency (median; lognormal with p99 twice that). */
    static final double DEFAULT_LATENCY_MS = 2;
    /** fsync (median; lognormal with p99 twice that). */
    static final double DEFAULT_FSYNC_MS = 1;
    static final int STALE_ENTRIES = 5;
    static final int DEFAULT_TRIALS = 1_000;
    /** A trial that has not elected a leader after this long gives up (the 150-150 tail). */
    static final Duration GIVE_UP = Duration.ofMinutes(10);

    /** One range of the figure and the paper's numbers for it (ms; NaN where none). */
    public record Range(int minMs, int maxMs, double paperMedian, double paperP90, double paperP99, double paperMax) {
        String label() {
            return minMs + "-" + maxMs;
        }

        /** The paper ran 100 trials of 150-150 (each takes tens of seconds) and 1000 of the others. */
        int trials(int requested) {
            return minMs == maxMs ? Math.max(1, requested / 10) : requested;
        }
    }

    /** Figure 16's ranges: the randomness graph, then the scaling graph. */
    public static final List<Range> RANGES = List.of(
            new Range(150, 150, 40_700, 84_055, 255_384, 527_964),
            new Range(150, 151, 1_198, 3_131, 5_981, 8_231),
            new Range(150, 155, 287, 606, 1_224, 2_143),
            new Range(150, 175, 141, 291, 462, 610),
            new Range(150, 200, 146, 193, 345, 512),
            new Range(150, 300, 171, 244, 405, 603),
            new Range(12, 24, 30, 52, 87, 152),
            new Range(25, 50, 43, 73, 118, 276),
            new Range(50, 100, 67, 96, 168, 253),
            new Range(100, 200, 120, 165, 273, 335));

    private Figure16Benchmark() {}

    /**
     * One trial's outcome.
     *
     * @param downtimeMs crash until every survivor heard the new leader; NaN if it gave up
     * @param terms terms the election went through
     */
    public record Trial(long seed, double downtimeMs, long terms, long splitVotes, String traceHash) {}

    /** Runs trial {@code seed} of {@code range}. */
    /** The LAN of a trial: one-way latency and fsync medians in ms (each lognormal, p99 twice the median). */
    public record Lan(double latencyMs, double fsyncMs) {
        public static final Lan DEFAULT = new Lan(DEFAULT_LATENCY_MS, DEFAULT_FSYNC_MS);

        /** A broadcast: a round trip plus the voter's fsync (the paper's definition). */
        double broadcastMs() {
            return 2 * latencyMs + fsyncMs;
        }
    }

    public static Trial trial(Range range, long seed) {
        return trial(range, seed, Lan.DEFAULT);
    }

    public static Trial trial(Range range, long seed, Lan lan) {
        long ms = 1_000_000L;
        World world = new World(seed, NetworkConfig.uniform(
                Distribution.LogNormal.ofMedianAndP99((long) (lan.latencyMs() * ms), (long) (2 * lan.latencyMs() * ms))));
        DiskConfig disk = new DiskConfig(
                Distribution.LogNormal.ofMedianAndP99((long) (lan.fsyncMs() * ms), (long) (2 * lan.fsyncMs() * ms)), 0);
        RaftConfig config = RaftConfig.custom(Duration.ofMillis(range.minMs), Duration.ofMillis(range.maxMs),
                Duration.ofNanos(range.minMs * ms / 2));
        RaftClusterHarness.Builder b = RaftClusterHarness.builder(world).config(config).disk(disk);
        Placement rack = new Placement("lan", "dc", "rack");
        for (int i = 1; i <= 5; i++) {
            b.server("s" + i, rack);
        }
        RaftClusterHarness h = b.build();
        if (!h.awaitLeader(GIVE_UP)) {
            return new Trial(seed, Double.NaN, 0, 0, world.trace().hashHex());
        }
        h.runFor(Duration.ofMillis(4L * range.maxMs));
        String leaderName = h.leader().orElse(null);
        if (leaderName == null) {
            return new Trial(seed, Double.NaN, 0, 0, world.trace().hashHex());
        }
        RaftServer leader = h.server(leaderName);
        NodeId leaderId = world.node(leaderName).id();
        List<NodeId> stale = new ArrayList<>();
        for (String s : h.serverNames()) {
            if (!s.equals(leaderName) && stale.size() < 2) {
                stale.add(world.node(s).id());
            }
        }
        long[] heartbeats = new long[1];
        long[] sentToFirstStale = new long[1];
        String firstStale = stale.get(0).name();
        world.trace().addSink((time, kind, src, dst, type, detail) -> {
            if (kind == TraceKind.TIMER && "raft/heartbeat".equals(type) && leaderName.equals(src)) {
                heartbeats[0]++;
            } else if (kind == TraceKind.SEND && leaderName.equals(src) && firstStale.equals(dst)
                    && "AppendEntries".equals(type)) {
                sentToFirstStale[0]++;
            }
        });
        // Right after a heartbeat the leader replicates two entries that reach every follower but
        // the second stale one, then three more that reach only the two up-to-date followers: the
        // logs differ in three steps, so only two of the four survivors can win.
        MessageFaults.Rule lagMore = world.network().messageFaults().drop(List.of(leaderId), List.of(stale.get(1)),
                AppendEntries.ENTRIES_KIND);
        awaitHeartbeat(world, heartbeats);
        propose(leader, 1, 2);
        long sent = sentToFirstStale[0];
        world.simulation().runUntil(() -> sentToFirstStale[0] > sent, world.now() + GIVE_UP.toNanos());
        MessageFaults.Rule lag = world.network().messageFaults().drop(List.of(leaderId), List.of(stale.get(0)),
                AppendEntries.ENTRIES_KIND);
        propose(leader, 3, STALE_ENTRIES);
        // The next heartbeat reaches everyone (to the lagging two it is empty, as the leader's
        // pipeline believes them caught up): every timer restarts at about the same instant, as
        // the paper's synchronised heartbeat before each crash made them. The crash follows at a
        // uniform time within the heartbeat interval.
        awaitHeartbeat(world, heartbeats);
        UniformRandomProvider rng = world.streams().stream("figure16").rng();
        long heartbeat = range.minMs * ms / 2;
        h.runFor(Duration.ofNanos((long) (rng.nextDouble() * heartbeat)));
        if (!leaderName.equals(h.leader().orElse(null))) {
            return new Trial(seed, Double.NaN, 0, 0, world.trace().hashHex());
        }
        h.crash(leaderName);
        world.network().messageFaults().remove(lag);
        world.network().messageFaults().remove(lagMore);
        long deadline = world.now() + GIVE_UP.toNanos();
        world.simulation().runUntil(() -> lastElectionHeard(h) >= 0, deadline);
        long downtime = lastElectionHeard(h);
        List<Election> all = h.elections().elections();
        Election e = all.get(all.size() - 1);
        return new Trial(seed, downtime < 0 ? Double.NaN : downtime / 1e6, e.terms(), e.splitVotes(),
                world.trace().hashHex());
    }

    private static void propose(RaftServer leader, int from, int to) {
        for (int i = from; i <= to; i++) {
            leader.propose(new RequestId("figure16", i), new Command("k" + i, "v" + i, 64));
        }
    }

    private static void awaitHeartbeat(World world, long[] heartbeats) {
        long seen = heartbeats[0];
        world.simulation().runUntil(() -> heartbeats[0] > seen, world.now() + GIVE_UP.toNanos());
    }

    private static long lastElectionHeard(RaftClusterHarness h) {
        List<Election> all = h.elections().elections();
        if (all.isEmpty()) {
            return -1;
        }
        Election e = all.get(all.size() - 1);
        return e.leaderLostAtNanos() < 0 ? -1 : e.leaderlessAsSeenByFollowersNanos();
    }

    /** The statistics of one range (ms); {@code gaveUp} trials are left out of them. */
    public record Result(Range range, int trials, int gaveUp, int overTenSeconds, double median, double p90, double p99,
            double max, double mean, double meanTerms, double splitShare, double wallSeconds) {}

    public static Result run(Range range, int requestedTrials, Lan lan) {
        long t0 = System.nanoTime();
        int trials = range.trials(requestedTrials);
        double[] ok = new double[trials];
        int n = 0;
        long terms = 0;
        int split = 0;
        for (long seed = 1; seed <= trials; seed++) {
            Trial t = trial(range, seed, lan);
            if (Double.isNaN(t.downtimeMs())) {
                continue;
            }
            ok[n++] = t.downtimeMs();
            terms += t.terms();
            split += t.splitVotes() > 0 ? 1 : 0;
        }
        double[] v = Arrays.copyOf(ok, n);
        Arrays.sort(v);
        double wall = (System.nanoTime() - t0) / 1e9;
        int overTen = trials - n + (int) Arrays.stream(v).filter(x -> x > 10_000).count();
        return new Result(range, trials, trials - n, overTen, RaftFailoverBenchmark.percentile(v, 0.5), RaftFailoverBenchmark.percentile(v, 0.9),
                RaftFailoverBenchmark.percentile(v, 0.99),
                n == 0 ? Double.NaN : v[n - 1], Arrays.stream(v).average().orElse(Double.NaN),
                n == 0 ? Double.NaN : terms / (double) n, n == 0 ? Double.NaN : split / (double) n, wall);
    }

    /** {@code [trials] [ranges, e.g. 150-175,25-50 or all] [latencyMs] [fsyncMs]}. */
    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_TRIALS;
        List<Range> ranges = RANGES;
        if (args.length > 1 && !args[1].equals("all")) {
            List<String> wanted = Arrays.asList(args[1].split(","));
            ranges = RANGES.stream().filter(r -> wanted.contains(r.label())).toList();
        }
        Lan lan = new Lan(args.length > 2 ? Double.parseDouble(args[2]) : DEFAULT_LATENCY_MS,
                args.length > 3 ? Double.parseDouble(args[3]) : DEFAULT_FSYNC_MS);
        System.out.printf(Locale.ROOT, "Raft Figure 16: 5 servers, one-way latency median %.1f ms, fsync median %.1f ms "
                + "(broadcast ~%.0f ms), heartbeat = min/2, 2 of 4 survivors stale%n", lan.latencyMs(), lan.fsyncMs(),
                lan.broadcastMs());
        System.out.printf(Locale.ROOT, "(ms; gave up: no leader after %d min; >10s: trials over 10 s, gave-ups included)%n",
                GIVE_UP.toMinutes());
        System.out.printf(Locale.ROOT, "%-9s %6s %6s %5s | %8s %8s %8s %8s %8s | %8s %8s %8s %8s | %6s %6s | %7s%n", "range",
                "trials", "gaveup", ">10s", "median", "p90", "p99", "max", "mean", "paper50", "paper90", "paper99",
                "papermax", "terms", "split", "wall s");
        for (Range r : ranges) {
            Result x = run(r, trials, lan);
            System.out.printf(Locale.ROOT, "%-9s %6d %6d %5d | %8.0f %8.0f %8.0f %8.0f %8.0f | %8.0f %8.0f %8.0f %8.0f | %6.2f %5.0f%% | %7.1f%n",
                    r.label(), x.trials(), x.gaveUp(), x.overTenSeconds(), x.median(), x.p90(), x.p99(), x.max(), x.mean(),
                    r.paperMedian(), r.paperP90(), r.paperP99(), r.paperMax(), x.meanTerms(), 100 * x.splitShare(),
                    x.wallSeconds());
        }
    }
}
