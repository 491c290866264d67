package io.clustersim.benchmarks.hold;

import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.eventlists.RedBlackTree;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.LambdaSimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HOLD on DSOL 4.3.2's event list: {@link RedBlackTree} (DSOL's default for
 * {@code DevsSimulator}; a {@code java.util.TreeSet} of events) holding {@link LambdaSimEvent}s
 * with {@code Double} time.
 *
 * <p>How DSOL is used, and why not through {@code DevsSimulator} itself: a DevsSimulator runs
 * its replication on a worker thread and needs a model, an experiment and a replication; inside
 * a JMH invocation that would measure thread hand-off, not the event set. So this class replays
 * the loop of {@code DevsSimulator.run()} (read from its bytecode) directly: {@code removeFirst},
 * set the clock to the event's time, {@code execute}; the event's executable then does what
 * {@code scheduleEventRel(delay, executable)} does: check the time is not in the past, wrap it in
 * a new {@code LambdaSimEvent} (whose constructor takes the next id from DSOL's global counter),
 * and {@code add} it. Left out, in DSOL's favour: the simulator's lock around each step, the
 * TIME_CHANGED_EVENT firing, the stopping-condition check and the trace logging call in
 * {@code scheduleEvent} (which builds the event's string eagerly). {@code LambdaSimEvent} is used
 * rather than the reflective {@code SimEvent(time, target, "method", args)}, whose method lookup
 * would dominate; DSOL's order is (time, priority, id), with all events at normal priority.
 */
@State(Scope.Thread)
public class DsolHold {
    @Param({"1000", "100000"})
    public int pending;

    private EventListInterface<Double> eventList;
    private final ExponentialIncrements increments = new ExponentialIncrements();
    private double now;

    @Setup
    public void fill() {
        eventList = new RedBlackTree<>();
        now = 0.0;
        for (int i = 0; i < pending; i++) {
            new Entity().reschedule();
        }
    }

    double run(int events) {
        EventListInterface<Double> list = eventList;
        for (int i = 0; i < events; i++) {
            SimEventInterface<Double> event = list.removeFirst();
            now = event.getAbsoluteExecutionTime();
            event.execute();
        }
        return now;
    }

    int pendingEvents() {
        return eventList.size();
    }

    private void scheduleEventRel(double delay, Executable executable) {
        double time = now + delay;
        if (time < now) {
            throw new IllegalStateException("event in the past");
        }
        eventList.add(new LambdaSimEvent<>(time, executable));
    }

    private final class Entity {
        // Made once per entity, as a model would hold its method reference.
        private final Executable onEvent = this::reschedule;

        void reschedule() {
            scheduleEventRel(increments.nextSeconds(), onEvent);
        }
    }
}
