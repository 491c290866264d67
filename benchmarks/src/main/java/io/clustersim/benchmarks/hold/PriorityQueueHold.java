package io.clustersim.benchmarks.hold;

import java.util.PriorityQueue;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HOLD on {@link java.util.PriorityQueue}: the textbook Java event set. Events are immutable
 * objects ordered by (double time, long sequence), allocated one per schedule as most simulators
 * built on it do (CloudSim Plus, for one); no cancellation other than PriorityQueue's O(n) remove.
 */
@State(Scope.Thread)
public class PriorityQueueHold {
    @Param({"1000", "100000"})
    public int pending;

    private PriorityQueue<Event> queue;
    private final ExponentialIncrements increments = new ExponentialIncrements();
    private double now;
    private long nextSeq;

    @Setup
    public void fill() {
        queue = new PriorityQueue<>(pending + 1);
        now = 0.0;
        for (int i = 0; i < pending; i++) {
            schedule(increments.nextSeconds(), new Entity());
        }
    }

    double run(int events) {
        PriorityQueue<Event> q = queue;
        for (int i = 0; i < events; i++) {
            Event e = q.poll();
            now = e.time;
            e.entity.onEvent();
        }
        return now;
    }

    int pendingEvents() {
        return queue.size();
    }

    private void schedule(double delay, Entity entity) {
        queue.add(new Event(now + delay, nextSeq++, entity));
    }

    private final class Entity {
        void onEvent() {
            schedule(increments.nextSeconds(), this);
        }
    }

    private static final class Event implements Comparable<Event> {
        final double time;
        final long seq;
        final Entity entity;

        Event(double time, long seq, Entity entity) {
            this.time = time;
            this.seq = seq;
            this.entity = entity;
        }

        @Override
        public int compareTo(Event o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
