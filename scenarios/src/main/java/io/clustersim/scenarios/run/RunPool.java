package io.clustersim.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent simulations side by side: task {@code i} of {@code n} on one of {@code threads}
 * threads, each simulation on one thread only. Results come back in task order whatever the
 * thread count, so what is made of them is the same; {@code done} hears of each as it finishes.
 */
public final class RunPool {
    /** Told after each task finishes, with the result, from the thread that ran it (calls are serialised). */
    @FunctionalInterface
    public interface Done<T> {
        void finished(int finishedSoFar, T result);
    }

    private RunPool() {}

    /**
     * Every task's result, in task order.
     *
     * @throws RuntimeException the first failing task's (in task order), as it threw it
     */
    public static <T> List<T> map(int n, int threads, IntFunction<T> task, Done<T> done) {
        if (threads <= 1 || n == 1) {
            List<T> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                T r = task.apply(i);
                out.add(r);
                done.finished(i + 1, r);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "clustersim-run");
            t.setDaemon(true);
            return t;
        });
        try {
            Object lock = new Object();
            int[] finished = {0};
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    T r = task.apply(index);
                    synchronized (lock) {
                        done.finished(++finished[0], r);
                    }
                    return r;
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
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
