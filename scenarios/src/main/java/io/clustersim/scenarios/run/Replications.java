package io.clustersim.scenarios.run;

import io.clustersim.scenarios.schema.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a scenario's replications: run {@code i} uses {@link #seed(long, int)} of the scenario's seed,
 * so the first is the scenario's own run and every run can be replayed alone. Each replication is
 * one simulation on one thread; they run side by side on a pool, and the results come back in
 * replication order whatever the thread count, so what is written from them is the same bytes.
 */
public final class Replications {
    /** Told after each replication finishes (from whichever thread ran it). */
    @FunctionalInterface
    public interface Progress {
        void done(int finished, int total);
    }

    private Replications() {}

    /** The seed of replication {@code i}: the base seed itself for the first, a SplitMix64 mix after. */
    public static long seed(long base, int i) {
        if (i == 0) {
            return base;
        }
        long z = base + 0x9E3779B97F4A7C15L * i;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Every replication of {@code scenario}, in order.
     *
     * @throws InvariantViolated from the lowest-numbered replication that broke one
     */
    public static List<RunResult> run(Scenario scenario, int threads, Progress progress) {
        int n = scenario.replications();
        if (threads <= 1 || n == 1) {
            List<RunResult> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(new ScenarioRunner().run(scenario.withSeed(seed(scenario.seed(), i)), null));
                progress.done(i + 1, n);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "clustersim-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            int[] finished = {0};
            for (int i = 0; i < n; i++) {
                Scenario s = scenario.withSeed(seed(scenario.seed(), i));
                futures.add(pool.submit(() -> {
                    RunResult r = new ScenarioRunner().run(s, null);
                    synchronized (finished) {
                        progress.done(++finished[0], n);
                    }
                    return r;
                }));
            }
            List<RunResult> out = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
