package io.clustersim.benchmarks.gossip;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.harness.SerfPoolBuilder;
import io.clustersim.gossip.harness.SerfPoolHarness;
import io.clustersim.gossip.pool.StartMode;
import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.network.LinkProfile;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.random.Distribution;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall-clock cost of a fault-free LAN Serf pool: {@code members} members (memberlist's LAN profile
 * with Serf's defaults, {@link GossipConfig#lan()}) spread round-robin over three zones of one
 * datacenter, all starting pre-joined, run for {@code duration} of virtual time. The same seed is
 * run twice (by default) and both trace hashes are printed; the exit status is 1 if they differ.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.gossip.GossipPoolBenchmark \
 *     [members] [duration] [seed] [--runs N] [--smoke]
 * </pre>
 *
 * Defaults: 1000 members, {@code 1h}, seed 1, 2 runs. Durations read as {@code 500ms}, {@code 90s},
 * {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT1H}). {@code --smoke} changes the
 * defaults to 50 members for 2 minutes (a few seconds of wall time). Per run it prints the wall
 * time (pool construction, start and run), the simulated events executed, events per wall second,
 * messages sent per member per simulated second, and the kernel trace hash; as sanity checks of
 * the steady state, also false failure declarations (none expected) and whether every member sees
 * every other alive at the end.
 *
 * <p>Latency (one way): same zone lognormal with median 250 µs and p99 1 ms, across zones median
 * 1 ms and p99 3 ms; no loss. These are the scenario loader's defaults.
 */
public final class GossipPoolBenchmark {
    public static final Settings DEFAULTS = new Settings(1_000, Duration.ofHours(1), 1);
    public static final Settings SMOKE = new Settings(50, Duration.ofMinutes(2), 1);
    static final int DEFAULT_RUNS = 2;

    /** Three zones of one datacenter; members are placed on them round-robin. */
    static final List<Placement> ZONES = List.of(
            new Placement("global", "dc1", "zone-a"),
            new Placement("global", "dc1", "zone-b"),
            new Placement("global", "dc1", "zone-c"));

    private GossipPoolBenchmark() {
    }

    /** What to run. */
    public record Settings(int members, Duration simulated, long seed) {
        public Settings {
            if (members < 1) {
                throw new IllegalArgumentException("members must be >= 1, got " + members);
            }
            if (simulated.isNegative() || simulated.isZero()) {
                throw new IllegalArgumentException("simulated duration must be positive, got " + simulated);
            }
        }
    }

    /**
     * One run's figures.
     *
     * @param wallSeconds           wall time of building, starting and running the pool
     * @param events                kernel events executed
     * @param messages              messages sent by members
     * @param messagesPerMemberPerSecond messages per member per simulated second
     * @param traceHash             the kernel trace fingerprint
     * @param traceRecords          trace records folded into the hash
     * @param falseFailures         running members declared dead (none expected without faults)
     * @param converged             every member sees every other alive at the end
     */
    public record Result(Settings settings, double wallSeconds, long events, long messages,
            double messagesPerMemberPerSecond, String traceHash, long traceRecords, int falseFailures,
            boolean converged) {

        public double eventsPerWallSecond() {
            return wallSeconds == 0 ? 0 : events / wallSeconds;
        }

        /** What must be equal across runs of the same settings: everything but the wall time. */
        public String fingerprint() {
            return traceHash + "/" + traceRecords + "/" + events + "/" + messages;
        }
    }

    /** The benchmark's network: see the class comment. */
    public static NetworkConfig network() {
        Map<LinkClass, LinkProfile> m = new EnumMap<>(LinkClass.class);
        m.put(LinkClass.SAME_ZONE, LinkProfile.of(Distribution.LogNormal.ofMedianAndP99(250_000, 1_000_000)));
        m.put(LinkClass.CROSS_ZONE, LinkProfile.of(Distribution.LogNormal.ofMedianAndP99(1_000_000, 3_000_000)));
        m.put(LinkClass.CROSS_REGION, LinkProfile.of(new Distribution.Normal(70_000_000, 5_000_000)));
        return new NetworkConfig(m, List.of(), 0, 0);
    }

    /** The pool, built but not started. */
    public static SerfPoolHarness pool(Settings s) {
        return SerfPoolHarness.builder()
                .size(s.members())
                .config(GossipConfig.lan())
                .network(network())
                .placements(ZONES)
                .startMode(StartMode.PRE_JOINED)
                .seed(s.seed())
                .build();
    }

    /** Builds, starts and runs one pool; the wall time covers exactly that. */
    public static Result run(Settings s) {
        long t0 = System.nanoTime();
        SerfPoolHarness pool = pool(s);
        pool.start();
        pool.runFor(s.simulated());
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Result(s, wall, pool.world().simulation().eventsProcessed(), pool.metrics().messagesSent(),
                pool.metrics().gossipMessagesPerMemberPerSecond(), pool.traceHash(),
                pool.world().trace().recorded(), pool.metrics().falseFailures(), pool.converged());
    }

    public static void main(String[] args) {
        Settings s;
        int runs;
        try {
            Cli cli = Cli.parse(args);
            s = cli.settings;
            runs = cli.runs;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: GossipPoolBenchmark [members] [duration] [seed] [--runs N] [--smoke]");
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "Gossip pool: %d members, LAN profile, %d zones, pre-joined, %s simulated, seed %d%n",
                s.members(), ZONES.size(), format(s.simulated()), s.seed());
        System.out.printf(Locale.ROOT, "%-4s %9s %13s %10s %14s  %-16s %6s %9s%n",
                "run", "wall s", "events", "events/s", "msgs/member/s", "trace hash", "false", "converged");
        List<Result> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Result r = run(s);
            results.add(r);
            System.out.printf(Locale.ROOT, "%-4d %9.2f %,13d %9.2fM %14.3f  %-16s %6d %9s%n",
                    i, r.wallSeconds(), r.events(), r.eventsPerWallSecond() / 1e6, r.messagesPerMemberPerSecond(),
                    r.traceHash(), r.falseFailures(), r.converged() ? "yes" : "NO");
        }
        if (runs < 2) {
            return;
        }
        boolean same = results.stream().map(Result::fingerprint).distinct().count() == 1;
        if (same) {
            System.out.printf(Locale.ROOT, "deterministic: all %d runs gave trace hash %s (%,d trace records)%n",
                    runs, results.get(0).traceHash(), results.get(0).traceRecords());
        } else {
            System.out.println("NOT DETERMINISTIC: runs of the same seed differ:");
            for (Result r : results) {
                System.out.println("  " + r.fingerprint());
            }
            System.exit(1);
        }
    }

    /** {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1h}, {@code 1d}, or ISO-8601 such as {@code PT1H}. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long v = Long.parseLong(t.substring(0, t.length() - 1));
            switch (t.charAt(t.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(v);
                case 'm':
                    return Duration.ofMinutes(v);
                case 'h':
                    return Duration.ofHours(v);
                case 'd':
                    return Duration.ofDays(v);
                default:
                    break;
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("cannot read duration '" + text + "'; use e.g. 500ms, 90s, 2m, 1h or PT1H");
    }

    static String format(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1_000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }

    /** The command line: positional members, duration, seed; options --runs N and --smoke. */
    static final class Cli {
        final Settings settings;
        final int runs;

        private Cli(Settings settings, int runs) {
            this.settings = settings;
            this.runs = runs;
        }

        static Cli parse(String... args) {
            List<String> positional = new ArrayList<>();
            Settings base = DEFAULTS;
            int runs = DEFAULT_RUNS;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--smoke")) {
                    base = SMOKE;
                } else if (a.equals("--runs") || a.startsWith("--runs=")) {
                    String v = a.startsWith("--runs=") ? a.substring("--runs=".length())
                            : (i + 1 < args.length ? args[++i] : "");
                    runs = parseInt(v, "--runs");
                    if (runs < 1) {
                        throw new IllegalArgumentException("--runs must be >= 1");
                    }
                } else if (a.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + a);
                } else {
                    positional.add(a);
                }
            }
            if (positional.size() > 3) {
                throw new IllegalArgumentException("at most three arguments: members, duration, seed");
            }
            int members = positional.size() > 0 ? parseInt(positional.get(0), "members") : base.members();
            Duration simulated = positional.size() > 1 ? parseDuration(positional.get(1)) : base.simulated();
            long seed = base.seed();
            if (positional.size() > 2) {
                try {
                    seed = Long.parseLong(positional.get(2));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("seed must be an integer, got '" + positional.get(2) + "'");
                }
            }
            return new Cli(new Settings(members, simulated, seed), runs);
        }

        private static int parseInt(String v, String what) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be an integer, got '" + v + "'");
            }
        }
    }
}
