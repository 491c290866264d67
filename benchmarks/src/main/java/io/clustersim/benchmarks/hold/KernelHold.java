package io.clustersim.benchmarks.hold;

import io.clustersim.kernel.event.EventHandler;
import io.clustersim.kernel.event.Simulation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HOLD on our kernel: {@link Simulation#step()} over its {@code EventQueue}, time in long
 * nanoseconds. Every pending event carries its own handler object (one per entity, as a node's
 * timer would), which reschedules itself; the returned cancellation handle is dropped, but the
 * queue pays for cancellability (slot bookkeeping) on every operation regardless.
 */
@State(Scope.Thread)
public class KernelHold {
    @Param({"1000", "100000"})
    public int pending;

    private Simulation sim;
    private final ExponentialIncrements increments = new ExponentialIncrements();

    @Setup
    public void fill() {
        sim = new Simulation();
        for (int i = 0; i < pending; i++) {
            sim.schedule(increments.nextNanos(), new Entity());
        }
    }

    /** Runs {@code events} HOLD operations; returns the clock so the work cannot be elided. */
    long run(int events) {
        Simulation s = sim;
        for (int i = 0; i < events; i++) {
            s.step();
        }
        return s.now();
    }

    int pendingEvents() {
        return sim.pendingEvents();
    }

    private final class Entity implements EventHandler {
        @Override
        public void onEvent() {
            sim.schedule(increments.nextNanos(), this);
        }
    }
}
