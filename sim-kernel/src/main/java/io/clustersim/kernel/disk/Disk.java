package io.clustersim.kernel.disk;

import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeEvent;
import io.clustersim.kernel.random.Sampler;
import io.clustersim.kernel.trace.TraceKind;
import java.util.ArrayDeque;

/**
 * One node's disk. A synced write is admitted at most {@code iops} times per second (later
 * writes queue behind earlier ones), completes after a sampled fsync latency, and completes in
 * issue order, as a log device does.
 *
 * <p>The disk holds no data itself: the writer passes what to make durable. At completion the
 * {@code durable} action runs (the bytes are on the platter even if the process is frozen) and
 * then the writer's {@code onSynced} callback, as an event of the writing incarnation. What
 * happens to writes in flight when the process dies depends on how it dies: a machine crash
 * (power loss, kernel panic) loses them, the write never happened; a killed process leaves them
 * to the operating system, which finishes them, so they are durable at once for whoever reads
 * the disk next.
 *
 * <p>Faults change the device from outside: a {@link Slowdown} (fsync latency added or
 * multiplied, a lower IOPS cap) applies to writes issued while it lasts; a stall holds every
 * completion until the disk is released, as a device that stops answering does.
 */
public final class Disk {
    /** Makes a node's disk; the node supplies itself so the disk can address callbacks to it. */
    @FunctionalInterface
    public interface Factory {
        Disk create(Node owner);
    }

    /**
     * A degraded device.
     *
     * @param fsyncFactor multiplies each write's sampled fsync latency (1 is unchanged)
     * @param addedFsyncNanos is added to it afterwards
     * @param iops caps the writes started per second; 0 keeps the device's own limit
     */
    public record Slowdown(double fsyncFactor, long addedFsyncNanos, double iops) {
        public Slowdown {
            if (!(fsyncFactor >= 1) || addedFsyncNanos < 0 || iops < 0) {
                throw new IllegalArgumentException("a slowdown must not speed the disk up: " + fsyncFactor + ", "
                        + addedFsyncNanos + ", " + iops);
            }
        }

        public static final Slowdown NONE = new Slowdown(1, 0, 0);
    }

    /** A write issued and not yet durable. */
    private static final class Pending {
        final Runnable durable;
        final NodeEvent callback;
        final long completion;
        boolean done;

        Pending(Runnable durable, NodeEvent callback, long completion) {
            this.durable = durable;
            this.callback = callback;
            this.completion = completion;
        }
    }

    private final Node owner;
    private final Sampler fsync;
    private final long deviceIssueIntervalNanos;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private Slowdown slowdown = Slowdown.NONE;
    private long issueIntervalNanos;
    private boolean stalled;
    private long nextIssue;
    private long lastCompletion;
    private long writes;
    private long bytesWritten;
    private long queueNanosTotal;

    public Disk(Node owner, DiskConfig config) {
        this.owner = owner;
        this.fsync = config.fsyncNanos().sampler(owner.world().streams().stream(owner.name()).stream("kernel.disk").rng());
        this.deviceIssueIntervalNanos = interval(config.iops());
        this.issueIntervalNanos = deviceIssueIntervalNanos;
    }

    private static long interval(double iops) {
        return iops == 0 ? 0 : Math.max(1, Math.round(1e9 / iops));
    }

    public static Factory factory(DiskConfig config) {
        return owner -> new Disk(owner, config);
    }

    /**
     * Issues a synced write of {@code bytes}.
     *
     * @param durable runs when the write is on disk, even if the process is paused then
     * @param onSynced runs afterwards in the writing process (held while paused, dropped after a crash)
     */
    public void write(long bytes, Runnable durable, Runnable onSynced) {
        long now = owner.world().now();
        long issue = Math.max(now, nextIssue);
        nextIssue = issue + issueIntervalNanos;
        long latency = fsync.sampleNanos();
        if (slowdown != Slowdown.NONE) {
            latency = Math.round(latency * slowdown.fsyncFactor()) + slowdown.addedFsyncNanos();
        }
        long completion = Math.max(issue + latency, lastCompletion);
        lastCompletion = completion;
        writes++;
        bytesWritten += bytes;
        queueNanosTotal += issue - now;
        Pending p = new Pending(durable, onSynced == null ? null : owner.callback(onSynced), completion);
        pending.addLast(p);
        owner.world().simulation().scheduleAt(completion, () -> completeThrough(p));
    }

    /**
     * The completion event of {@code p}: completes it and anything before it still pending (none,
     * normally: completions are in issue order), unless the device is stalled or {@code p} is gone.
     */
    private void completeThrough(Pending p) {
        if (stalled || p.done) {
            return;
        }
        while (!pending.isEmpty()) {
            Pending head = pending.pollFirst();
            complete(head, true);
            if (head == p) {
                return;
            }
        }
    }

    /** Completes, in issue order, every write whose time has come, unless the device is stalled. */
    private void completeDue() {
        long now = owner.world().now();
        while (!stalled && !pending.isEmpty() && pending.peekFirst().completion <= now) {
            complete(pending.pollFirst(), true);
        }
    }

    private void complete(Pending p, boolean notify) {
        if (p.done) {
            return;
        }
        p.done = true;
        owner.world().trace().record(owner.world().now(), TraceKind.DISK_SYNC, owner.name(), null, null);
        if (p.durable != null) {
            p.durable.run();
        }
        if (notify && p.callback != null) {
            p.callback.onEvent();
        }
    }

    /** The machine died: writes not yet synced are gone. The queue empties. */
    public void crash() {
        for (Pending p : pending) {
            p.done = true;
        }
        pending.clear();
        resetQueue();
    }

    /**
     * The process was killed but the machine runs on: the operating system finishes the writes it
     * was given, so they are durable now; nobody is left to be told.
     */
    public void processKilled() {
        while (!pending.isEmpty()) {
            complete(pending.pollFirst(), false);
        }
        resetQueue();
    }

    private void resetQueue() {
        long now = owner.world().now();
        nextIssue = Math.min(nextIssue, now);
        lastCompletion = Math.min(lastCompletion, now);
    }

    /** Degrades the device for writes issued from now on; {@link Slowdown#NONE} restores it. */
    public void slowDown(Slowdown s) {
        this.slowdown = s;
        this.issueIntervalNanos = s.iops() > 0 ? Math.max(deviceIssueIntervalNanos, interval(s.iops())) : deviceIssueIntervalNanos;
    }

    public Slowdown slowdown() {
        return slowdown;
    }

    /** The device stops completing writes; they wait, in order, until {@link #release()}. */
    public void stall() {
        stalled = true;
    }

    /** A stalled device answers again: what came due meanwhile completes now, in issue order. */
    public void release() {
        if (!stalled) {
            return;
        }
        stalled = false;
        lastCompletion = Math.max(lastCompletion, owner.world().now());
        completeDue();
    }

    public boolean isStalled() {
        return stalled;
    }

    /** Writes issued but not yet durable. */
    public int pendingWrites() {
        return pending.size();
    }

    public long writes() {
        return writes;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    /**
     * The synced writes issued since the start of the run over what the device's IOPS limit allows
     * in that time (its busy share); 0 for a device without a limit.
     */
    public double iopsUtilisation() {
        long now = owner.world().now();
        return deviceIssueIntervalNanos == 0 || now == 0 ? 0 : writes * (double) deviceIssueIntervalNanos / now;
    }

    /** Total time writes spent waiting for an IOPS slot. */
    public long queueNanosTotal() {
        return queueNanosTotal;
    }
}
