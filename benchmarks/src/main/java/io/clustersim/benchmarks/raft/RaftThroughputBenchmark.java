package io.clustersim.benchmarks.raft;

import io.clustersim.raft.harness.RaftClusterHarness;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall-clock cost of simulating a loaded Raft cluster: simulated commits per wall second.
 *
 * <p>The cluster is {@link RaftBenchCluster}'s with 5 servers and 5 clients (one per AZ round-robin)
 * writing 200 times a second each, 1,000 writes/s in all, with hashicorp's default timings. One
 * invocation runs a fresh world for {@value #SPAN_SECONDS} simulated seconds.
 *
 * <p>What is measured. {@link Cluster#build()} runs at {@link Level#Invocation}: it builds a new
 * world of seed {@code seed}, runs it until a leader exists, then {@value #SETTLE_SECONDS} more
 * simulated second(s) so writes flow. That setup is not timed: with {@code Level.Invocation} JMH times
 * each invocation alone and normalises every result by the sum of those times (its
 * {@code RawResults.getTime()} is the summed invocation time when one is recorded). The benchmark
 * method then runs the {@value #SPAN_SECONDS} simulated seconds and adds what they did to
 * {@link Counters}, an {@link AuxCounters} state of type {@code OPERATIONS}, which JMH reports as rates
 * over the same measured time:
 * <ul>
 *   <li>{@code run:commits}: client writes acknowledged as committed during the span, per wall
 *       second (in-flight writes at the span's end are not counted);
 *   <li>{@code run:events}: kernel events executed during the span, per wall second;
 *   <li>the primary {@code run} score: spans per wall second; times {@value #SPAN_SECONDS} it is
 *       simulated seconds per wall second.
 * </ul>
 * Counting the commits of each invocation, rather than a constant in {@code @OperationsPerInvocation}
 * measured once, keeps the figure right if the model changes. Every invocation runs the same seed, so
 * it does the same simulated work (9,870 commits per span for seed 1); the JMH error reflects
 * wall-clock noise only. About 45 s:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RaftThroughput
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RaftThroughputBenchmark {
    static final int SPAN_SECONDS = 10;
    static final int SETTLE_SECONDS = 1;
    static final int SERVERS = 5;
    static final int CLIENTS = 5;
    static final double WRITES_PER_SECOND_PER_CLIENT = 200;

    /** A fresh, settled cluster for every invocation. */
    @State(Scope.Thread)
    public static class Cluster {
        @Param("1")
        public long seed;

        RaftClusterHarness harness;
        long eventsBefore;

        @Setup(Level.Invocation)
        public void build() {
            harness = settled(seed);
            eventsBefore = harness.world().simulation().eventsProcessed();
        }
    }

    /** Work done in the measured spans; JMH divides each by the measured time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long commits;
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            commits = 0;
            events = 0;
        }
    }

    /** The cluster of this benchmark, started and run until a leader exists and writes flow. */
    static RaftClusterHarness settled(long seed) {
        RaftClusterHarness h = RaftBenchCluster.start(seed, SERVERS, CLIENTS, WRITES_PER_SECOND_PER_CLIENT);
        if (!h.awaitLeader(Duration.ofSeconds(30))) {
            throw new IllegalStateException("no leader within 30 simulated seconds, seed " + seed);
        }
        h.runFor(Duration.ofSeconds(SETTLE_SECONDS));
        return h;
    }

    /** Runs the measured span and returns the commits it saw. */
    static long span(RaftClusterHarness h) {
        long before = h.metrics().writesOk();
        h.runFor(Duration.ofSeconds(SPAN_SECONDS));
        return h.metrics().writesOk() - before;
    }

    @Benchmark
    public long run(Cluster c, Counters n) {
        n.commits += span(c.harness);
        n.events += c.harness.world().simulation().eventsProcessed() - c.eventsBefore;
        return c.harness.world().now();
    }
}
