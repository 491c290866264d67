package io.clustersim.kernel.cpu;

import io.clustersim.kernel.event.EventHandler;
import io.clustersim.kernel.event.Simulation;
import java.util.ArrayDeque;

/**
 * A machine's cores and their run queue: an M/G/c server. Work is served first come, first
 * served, by whichever core is free; a piece of work holds its core for its whole cost, and what
 * it leads to (its {@code done} event) happens when it completes. Work of zero cost reaches here
 * only when the CPU is not idle (it must not overtake the work before it): on an idle CPU the node
 * runs its effects at once, so a model with every cost zero behaves, event for event, as one
 * without a CPU.
 *
 * <p>The CPU belongs to the machine: it outlives restarts, but the work of a process that dies is
 * lost with it ({@link #processLost()}).
 */
public final class Cpu {
    /** One piece of work: its cost, when it was submitted, and what happens when it completes. */
    private record Work(long costNanos, long submittedAt, EventHandler done) {}

    private final Simulation simulation;
    private final ArrayDeque<Work> queue = new ArrayDeque<>();
    private int cores = 1;
    private int busy;
    /** Incremented when the process dies: completions of an earlier generation free nothing. */
    private int generation;

    private long busyCoreNanos;
    private long lastChange;
    private long submittedNanos;
    private long started;
    private long completed;
    private long waitedNanos;
    private long respondedNanos;
    private int longestQueue;

    public Cpu(Simulation simulation) {
        this.simulation = simulation;
    }

    /** The number of cores; changing it affects work that starts from now on. */
    public void setCores(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("a CPU needs at least one core, got " + cores);
        }
        this.cores = cores;
        while (busy < cores && !queue.isEmpty()) {
            start(queue.pollFirst());
        }
    }

    public int cores() {
        return cores;
    }

    /** Whether no core is busy and nothing waits: zero-cost work may then run at once. */
    public boolean idle() {
        return busy == 0 && queue.isEmpty();
    }

    /**
     * Queues work of {@code costNanos}; {@code done} comes due when it completes.
     * {@code done} is an event of the process's incarnation, so it is dropped if the process died
     * and held if the process is paused.
     */
    public void submit(long costNanos, EventHandler done) {
        if (costNanos < 0) {
            throw new IllegalArgumentException("a CPU cost must not be negative, got " + costNanos);
        }
        submittedNanos += costNanos;
        Work w = new Work(costNanos, simulation.now(), done);
        if (busy < cores) {
            start(w);
        } else {
            queue.addLast(w);
            longestQueue = Math.max(longestQueue, queue.size());
        }
    }

    private void start(Work w) {
        account();
        busy++;
        started++;
        waitedNanos += simulation.now() - w.submittedAt();
        int gen = generation;
        simulation.schedule(w.costNanos(), () -> finish(w, gen));
    }

    private void finish(Work w, int gen) {
        if (gen != generation) {
            return; // the process that submitted it died; its core was freed then
        }
        account();
        busy--;
        completed++;
        respondedNanos += simulation.now() - w.submittedAt();
        if (!queue.isEmpty()) {
            start(queue.pollFirst());
        }
        w.done().onEvent();
    }

    /** The process died: its queued and running work is gone, and every core is free. */
    public void processLost() {
        account();
        generation++;
        busy = 0;
        queue.clear();
    }

    private void account() {
        long now = simulation.now();
        busyCoreNanos += busy * (now - lastChange);
        lastChange = now;
    }

    /** Core-nanoseconds spent on work so far (work lost with a process counts as far as it ran). */
    public long busyCoreNanos() {
        return busyCoreNanos + busy * (simulation.now() - lastChange);
    }

    /** The share of the cores' time spent on work since the start of the run. */
    public double utilisation() {
        long now = simulation.now();
        return now == 0 ? 0 : busyCoreNanos() / ((double) cores * now);
    }

    /**
     * The work submitted since the start of the run over what the cores could serve in that time:
     * the offered load, lambda E[S] / c, which utilisation follows while it is below 1.
     */
    public double offeredLoad() {
        long now = simulation.now();
        return now == 0 ? 0 : submittedNanos / ((double) cores * now);
    }

    /** Work waiting for a core now. */
    public int queued() {
        return queue.size();
    }

    /** Cores busy now. */
    public int busy() {
        return busy;
    }

    public int longestQueue() {
        return longestQueue;
    }

    public long completed() {
        return completed;
    }

    /** Mean time work waited for a core, over the work started so far (seconds; NaN if none). */
    public double meanWaitSeconds() {
        return started == 0 ? Double.NaN : waitedNanos / 1e9 / started;
    }

    /** Mean time from submission to completion, over the work completed so far (seconds; NaN if none). */
    public double meanResponseSeconds() {
        return completed == 0 ? Double.NaN : respondedNanos / 1e9 / completed;
    }
}
