package io.clustersim.kernel.disk;

import io.clustersim.kernel.event.EventHandler;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeEvent;
import io.clustersim.kernel.random.Sampler;
import io.clustersim.kernel.trace.TraceKind;

/**
 * One node's disk. A synced write is admitted at most {@code iops} times per second (later
 * writes queue behind earlier ones), completes after a sampled fsync latency, and completes in
 * issue order, as a log device does.
 *
 * <p>The disk holds no data itself: the writer passes what to make durable. At completion the
 * {@code durable} action runs (the bytes are on the platter even if the process is frozen) and
 * then the writer's {@code onSynced} callback, as an event of the writing incarnation. A crash
 * before completion loses both: the write never happened.
 */
public final class Disk {
    /** Makes a node's disk; the node supplies itself so the disk can address callbacks to it. */
    @FunctionalInterface
    public interface Factory {
        Disk create(Node owner);
    }

    private final Node owner;
    private final Sampler fsync;
    private final long issueIntervalNanos;
    private long nextIssue;
    private long lastCompletion;
    private int epoch;
    private long writes;
    private long bytesWritten;
    private long queueNanosTotal;

    public Disk(Node owner, DiskConfig config) {
        this.owner = owner;
        this.fsync = config.fsyncNanos().sampler(owner.world().streams().stream(owner.name()).stream("kernel.disk").rng());
        this.issueIntervalNanos = config.iops() == 0 ? 0 : Math.max(1, Math.round(1e9 / config.iops()));
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
        long completion = Math.max(issue + fsync.sampleNanos(), lastCompletion);
        lastCompletion = completion;
        writes++;
        bytesWritten += bytes;
        queueNanosTotal += issue - now;
        NodeEvent callback = onSynced == null ? null : owner.callback(onSynced);
        int writeEpoch = epoch;
        EventHandler done = () -> {
            if (writeEpoch != epoch) {
                return;
            }
            owner.world().trace().record(owner.world().now(), TraceKind.DISK_SYNC, owner.name(), null, null);
            if (durable != null) {
                durable.run();
            }
            if (callback != null) {
                callback.onEvent();
            }
        };
        owner.world().simulation().scheduleAt(completion, done);
    }

    /** The machine died: writes not yet synced are gone. The queue empties. */
    public void crash() {
        epoch++;
        long now = owner.world().now();
        nextIssue = Math.min(nextIssue, now);
        lastCompletion = Math.min(lastCompletion, now);
    }

    public long writes() {
        return writes;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    /** Total time writes spent waiting for an IOPS slot. */
    public long queueNanosTotal() {
        return queueNanosTotal;
    }
}
