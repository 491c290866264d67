package io.clustersim.benchmarks.raft;

import io.clustersim.raft.harness.RaftClusterHarness;
import io.clustersim.raft.observe.RaftView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Leader failover time of a Raft cluster with hashicorp's default timings, as a distribution over
 * seeds, for several cluster sizes.
 *
 * <p>Failover time is what {@link io.clustersim.raft.metrics.RaftMetrics#timeToRecoverSeconds()}
 * records per leader loss: from the leader's crash to the first commit, by a leader of a later term,
 * of an entry of its own term (its no-op, normally). One seed gives one sample:
 * <ol>
 *   <li>build a new world of that seed with the cluster of {@link RaftBenchCluster} (servers over three
 *       AZs, one client writing 20 times a second);
 *   <li>run {@value #SETTLE_SECONDS} simulated seconds, then check a leader exists and has committed
 *       (its commit index is past 0 and some client write was acknowledged);
 *   <li>crash that leader and run {@value #OBSERVE_SECONDS} simulated seconds more;
 *   <li>the sample is the single recovery time recorded.
 * </ol>
 * Seeds are 1..N for every size. A run is a pure function of its seed, so the same seed always
 * gives the same sample (and trace hash). The crash instant is fixed, but where it falls in the
 * heartbeat and election-timer cycles differs per seed, which is what spreads the distribution.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.raft.RaftFailoverBenchmark [seeds] [sizes]
 * </pre>
 *
 * Defaults: 1000 seeds per size, sizes {@code 3,5,7}. It prints, per size: seeds run, failover p50,
 * p90, p99 (nearest rank), max and mean in simulated seconds, and the wall time; seeds with no
 * initial leader or no recovery within the window would be counted apart (none are expected).
 */
public final class RaftFailoverBenchmark {
    static final int SETTLE_SECONDS = 10;
    static final int OBSERVE_SECONDS = 30;
    static final int CLIENTS = 1;
    static final double WRITES_PER_SECOND = 20;
    static final int DEFAULT_SEEDS = 1_000;
    static final List<Integer> DEFAULT_SIZES = List.of(3, 5, 7);

    private RaftFailoverBenchmark() {
    }

    /** How a seed's run ended. */
    public enum Outcome {
        /** A leader was crashed and a new leader committed: the sample is valid. */
        RECOVERED,
        /** No leader that had committed after the settling time (not expected). */
        NO_INITIAL_LEADER,
        /** The crash happened but no new leader committed within the observation window (not expected). */
        NOT_RECOVERED
    }

    /**
     * One seed's result.
     *
     * @param seconds      failover time in simulated seconds; NaN unless {@link Outcome#RECOVERED}
     * @param crashed      the leader that was crashed (empty if there was none)
     * @param newLeader    the leader at the end of the run (empty if none)
     * @param traceHash    the kernel trace fingerprint of the whole run
     * @param events       kernel events executed
     */
    public record Sample(int servers, long seed, Outcome outcome, double seconds, Optional<String> crashed,
            Optional<String> newLeader, String traceHash, long events) {
    }

    /** Runs one seed for a cluster of {@code servers}; see the class comment. */
    public static Sample sample(int servers, long seed) {
        RaftClusterHarness h = RaftBenchCluster.start(seed, servers, CLIENTS, WRITES_PER_SECOND);
        h.runFor(Duration.ofSeconds(SETTLE_SECONDS));
        Optional<String> leader = h.leader();
        RaftView view = leader.map(h::view).orElse(null);
        if (view == null || view.commitIndex() == 0 || h.metrics().writesOk() == 0) {
            return result(h, servers, seed, Outcome.NO_INITIAL_LEADER, Double.NaN, Optional.empty());
        }
        Optional<String> crashed = h.crashLeader();
        h.runFor(Duration.ofSeconds(OBSERVE_SECONDS));
        List<Double> recoveries = h.metrics().timeToRecoverSeconds();
        if (recoveries.isEmpty()) {
            return result(h, servers, seed, Outcome.NOT_RECOVERED, Double.NaN, crashed);
        }
        return result(h, servers, seed, Outcome.RECOVERED, recoveries.get(0), crashed);
    }

    private static Sample result(RaftClusterHarness h, int servers, long seed, Outcome outcome, double seconds,
            Optional<String> crashed) {
        return new Sample(servers, seed, outcome, seconds, crashed, h.leader(), h.world().trace().hashHex(),
                h.world().simulation().eventsProcessed());
    }

    /**
     * Summary of one size: recovered samples' statistics in simulated seconds.
     *
     * @param seeds        seeds run
     * @param recovered    samples with {@link Outcome#RECOVERED}; the statistics are over these
     * @param wallSeconds  wall time of all seeds of this size
     */
    public record Summary(int servers, int seeds, int recovered, int noInitialLeader, int notRecovered,
            double p50, double p90, double p99, double max, double mean, double wallSeconds) {
    }

    /** Runs seeds {@code 1..seeds} for a cluster of {@code servers} and summarises them. */
    public static Summary run(int servers, int seeds) {
        long t0 = System.nanoTime();
        double[] ok = new double[seeds];
        int n = 0;
        int noLeader = 0;
        int notRecovered = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            Sample s = sample(servers, seed);
            switch (s.outcome()) {
                case RECOVERED -> ok[n++] = s.seconds();
                case NO_INITIAL_LEADER -> noLeader++;
                case NOT_RECOVERED -> notRecovered++;
                default -> throw new AssertionError(s.outcome());
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double[] sorted = Arrays.copyOf(ok, n);
        Arrays.sort(sorted);
        return new Summary(servers, seeds, n, noLeader, notRecovered, percentile(sorted, 0.50),
                percentile(sorted, 0.90), percentile(sorted, 0.99), n == 0 ? Double.NaN : sorted[n - 1],
                n == 0 ? Double.NaN : Arrays.stream(sorted).sum() / n, wall);
    }

    /** Nearest-rank percentile of ascending {@code sorted}: the smallest value with at least {@code q} of the samples at or below it. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    public static void main(String[] args) {
        Cli cli;
        try {
            cli = Cli.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: RaftFailoverBenchmark [seeds per size, default 1000] [sizes, default 3,5,7]");
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "Raft leader failover: hashicorp defaults (HT 1s, ET 1s, lease 500ms, pre-vote), "
                + "servers round-robin over %d AZs, %d client x %.0f writes/s%n", RaftBenchCluster.ZONES.size(), CLIENTS,
                WRITES_PER_SECOND);
        System.out.printf(Locale.ROOT, "leader crashed at t=%ds, observed %ds; failover = crash to first commit by the "
                + "new leader (simulated seconds); seeds 1..%d per size%n", SETTLE_SECONDS, OBSERVE_SECONDS, cli.seeds);
        System.out.printf(Locale.ROOT, "%7s %6s %7s %7s %7s %7s %7s %9s%n",
                "servers", "seeds", "p50", "p90", "p99", "max", "mean", "wall s");
        long t0 = System.nanoTime();
        boolean anomalies = false;
        for (int size : cli.sizes) {
            Summary s = run(size, cli.seeds);
            System.out.printf(Locale.ROOT, "%7d %6d %7.3f %7.3f %7.3f %7.3f %7.3f %9.1f%n", s.servers(), s.seeds(),
                    s.p50(), s.p90(), s.p99(), s.max(), s.mean(), s.wallSeconds());
            if (s.recovered() != s.seeds()) {
                anomalies = true;
                System.out.printf(Locale.ROOT, "        %d seeds had no initial leader, %d did not recover in %ds; "
                        + "statistics are over the other %d%n", s.noInitialLeader(), s.notRecovered(), OBSERVE_SECONDS,
                        s.recovered());
            }
        }
        System.out.printf(Locale.ROOT, "total wall time %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (anomalies) {
            System.exit(1);
        }
    }

    /** The command line: optional seeds per size, then optional comma-separated sizes. */
    static final class Cli {
        final int seeds;
        final List<Integer> sizes;

        private Cli(int seeds, List<Integer> sizes) {
            this.seeds = seeds;
            this.sizes = sizes;
        }

        static Cli parse(String... args) {
            if (args.length > 2) {
                throw new IllegalArgumentException("at most two arguments: seeds per size, sizes");
            }
            int seeds = args.length > 0 ? positive(args[0], "seeds") : DEFAULT_SEEDS;
            List<Integer> sizes = DEFAULT_SIZES;
            if (args.length > 1) {
                sizes = new ArrayList<>();
                for (String part : args[1].split(",")) {
                    sizes.add(positive(part.trim(), "a cluster size"));
                }
                sizes = List.copyOf(sizes);
            }
            return new Cli(seeds, sizes);
        }

        private static int positive(String v, String what) {
            try {
                int n = Integer.parseInt(v);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new IllegalArgumentException(what + " must be a positive integer, got '" + v + "'");
        }
    }
}
