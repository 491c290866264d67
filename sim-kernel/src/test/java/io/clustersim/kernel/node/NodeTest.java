package io.clustersim.kernel.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.Ping;
import io.clustersim.kernel.RecordingProcess;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.random.Distribution.Constant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class NodeTest {
    private static final long MS = 1_000_000L;
    private static final Placement HERE = new Placement("r", "dc", "z");

    private final World world = new World(11, NetworkConfig.uniform(new Constant(MS)));
    /** What every process did, as "incarnation:what@millis". */
    private final List<String> log = new ArrayList<>();
    private final List<Scripted> instances = new ArrayList<>();

    /** A process that runs a script when it starts and logs what reaches it. */
    private final class Scripted implements Process {
        final int incarnation = instances.size() + 1;
        final Consumer<Scripted> script;
        NodeContext ctx;

        Scripted(Consumer<Scripted> script) {
            this.script = script;
            instances.add(this);
        }

        @Override
        public void start(NodeContext ctx) {
            this.ctx = ctx;
            script.accept(this);
        }

        @Override
        public void onMessage(NodeId from, Message message) {
            note("msg" + ((Ping) message).seq());
        }

        void note(String what) {
            log.add(incarnation + ":" + what + "@" + ctx.now() / MS);
        }

        Timer timer(String name, long delay) {
            return ctx.setTimer(name, delay, () -> note(name));
        }
    }

    private Node node(String name, Consumer<Scripted> script) {
        return world.addNode(name, HERE, DiskConfig.instant(), () -> new Scripted(script));
    }

    private Node idle(String name) {
        return node(name, p -> {});
    }

    private static Scripted process(Node n) {
        return (Scripted) n.process();
    }

    @Test
    void when_nodeStartedCrashedAndRestarted_then_eachStartMakesAFreshProcess() {
        Node n = idle("n");
        assertThat(n.state()).isEqualTo(NodeState.DOWN);

        n.start();
        Process first = n.process();
        assertThat(n.state()).isEqualTo(NodeState.UP);
        n.crash();
        assertThat(n.state()).isEqualTo(NodeState.DOWN);
        assertThat(n.process()).isNull();
        n.start();

        assertThat(n.process()).isNotSameAs(first);
        assertThat(instances).hasSize(2);
        assertThat(n.starts()).isEqualTo(2);
        assertThat(n.epoch()).isEqualTo(3);
    }

    @Test
    void when_lifecycleCallsDoNotApply_then_startThrowsAndTheOthersAreNoOps() {
        Node n = idle("n");
        n.crash();
        n.pause();
        n.resume();
        assertThat(n.state()).isEqualTo(NodeState.DOWN);
        assertThat(n.epoch()).isZero();

        n.start();
        assertThatThrownBy(n::start).isInstanceOf(IllegalStateException.class);
        n.resume();
        assertThat(n.state()).isEqualTo(NodeState.UP);
        n.pause();
        assertThatThrownBy(n::start).isInstanceOf(IllegalStateException.class);
        n.pause();
        assertThat(n.state()).isEqualTo(NodeState.PAUSED);
    }

    @Test
    void when_nodeCrashes_then_timersOfThatIncarnationNeverFireEvenAfterRestart() {
        Node n = node("n", p -> {
            p.timer("t5", 5 * MS);
            p.timer("t20", 20 * MS);
        });
        n.start();

        world.simulation().runUntil(10 * MS);
        n.crash();
        n.start();
        world.simulation().runUntilEmpty();

        assertThat(log).containsExactly("1:t5@5", "2:t5@15", "2:t20@30");
    }

    @Test
    void when_oldIncarnationsContextUsedAfterRestart_then_itIsInert() {
        Node a = idle("a");
        Node b = idle("b");
        a.start();
        b.start();
        NodeContext stale = process(a).ctx;
        a.crash();
        a.start();

        stale.send(b.id(), new Ping(1), Delivery.FIFO);
        Timer t = stale.setTimer("ghost", MS, () -> log.add("ghost"));
        world.simulation().runUntilEmpty();

        assertThat(world.network().stats().sent()).isZero();
        assertThat(t.isPending()).isFalse();
        assertThat(log).isEmpty();
    }

    @Test
    void when_nodePaused_then_timersAndDeliveriesAreHeldAndRunAtResumeInOriginalOrder() {
        Node sender = world.addNode("sender", HERE, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>()));
        Node n = node("n", p -> {
            p.timer("t2", 2 * MS);
            p.timer("t4", 4 * MS);
        });
        sender.start();
        n.start();
        NodeContext from = ((RecordingProcess) sender.process()).ctx();
        world.simulation().schedule(2 * MS, () -> from.send(n.id(), new Ping(3), Delivery.FIFO));
        world.simulation().schedule(3 * MS, () -> from.send(n.id(), new Ping(4), Delivery.DATAGRAM));

        world.simulation().runUntil(MS);
        n.pause();
        world.simulation().runUntil(10 * MS);
        assertThat(log).isEmpty();
        n.resume();
        world.simulation().runUntilEmpty();

        // The first message arrives at 3 ms, the second at 4 ms after the timer t4 was due.
        assertThat(log).containsExactly("1:t2@10", "1:msg3@10", "1:t4@10", "1:msg4@10");
    }

    @Test
    void when_nodeResumes_then_heldEventsRunBeforeEventsThatComeDueAtTheResumeInstant() {
        Node n = idle("n");
        n.start();
        // The resume is scheduled before the process sets its 10 ms timer, so it runs first at 10 ms.
        world.simulation().schedule(10 * MS, n::resume);
        process(n).timer("due-at-5", 5 * MS);
        process(n).timer("due-at-10", 10 * MS);
        n.pause();

        world.simulation().runUntilEmpty();

        assertThat(log).containsExactly("1:due-at-5@10", "1:due-at-10@10");
    }

    @Test
    void when_timerCancelledWhileHeld_then_itDoesNotFireAtResume() {
        Node n = idle("n");
        n.start();
        Timer cancelled = process(n).timer("cancelled", 2 * MS);
        Timer kept = process(n).timer("kept", 3 * MS);
        n.pause();

        world.simulation().runUntil(5 * MS);
        assertThat(cancelled.isPending()).as("held, not yet fired").isTrue();
        cancelled.cancel();
        assertThat(cancelled.isPending()).isFalse();
        n.resume();
        world.simulation().runUntilEmpty();

        assertThat(log).containsExactly("1:kept@5");
        assertThat(kept.isPending()).isFalse();
    }

    @Test
    void when_timerSetFiredOrCancelled_then_isPendingSaysWhetherItWillStillFire() {
        Node n = idle("n");
        n.start();
        Timer fires = process(n).timer("fires", MS);
        Timer cancelled = process(n).timer("cancelled", MS);
        Timer orphaned = process(n).timer("orphaned", 50 * MS);

        assertThat(fires.isPending()).isTrue();
        cancelled.cancel();
        cancelled.cancel();
        assertThat(cancelled.isPending()).isFalse();
        world.simulation().runUntil(2 * MS);
        assertThat(fires.isPending()).isFalse();
        assertThat(orphaned.isPending()).isTrue();
        n.crash();
        assertThat(orphaned.isPending()).isFalse();
        n.start();
        assertThat(orphaned.isPending()).as("a restart does not revive it").isFalse();
        world.simulation().runUntilEmpty();

        assertThat(log).containsExactly("1:fires@1");
    }

    @Test
    void when_timerOrphanedByCrashIsCancelledAfterItsSlotWasReused_then_theNewTimerStillFires() {
        Node n = idle("n");
        n.start();
        Timer orphan = process(n).timer("orphan", MS);
        n.crash();
        n.start();
        world.simulation().runUntil(MS); // the orphan's event comes due, is dropped, and frees its slot
        Timer fresh = process(n).timer("fresh", MS);

        orphan.cancel();
        world.simulation().runUntilEmpty();

        assertThat(log).containsExactly("2:fresh@2");
        assertThat(fresh.isPending()).isFalse();
    }

    @Test
    void when_heldTimerIsCancelledAfterItsSlotWasReused_then_theNewEventStillRuns() {
        Node n = idle("n");
        n.start();
        Timer held = process(n).timer("held", MS);
        n.pause();
        world.simulation().runUntil(MS); // held: its queue slot is free again
        boolean[] ran = {false};
        world.simulation().schedule(MS, () -> ran[0] = true);

        held.cancel();
        world.simulation().runUntilEmpty();

        assertThat(ran[0]).isTrue();
        assertThat(log).isEmpty();
    }

    @Test
    void when_timerActionSetsAnotherTimer_then_theChainKeepsFiring() {
        Node n = node("n", new Consumer<>() {
            @Override
            public void accept(Scripted p) {
                p.ctx.setTimer("tick", 10 * MS, () -> {
                    p.note("tick");
                    if (log.size() < 3) {
                        accept(p);
                    }
                });
            }
        });
        n.start();

        world.simulation().runUntilEmpty();

        assertThat(log).containsExactly("1:tick@10", "1:tick@20", "1:tick@30");
    }

    @Test
    void when_nodeCrashesWhilePaused_then_heldEventsAreDroppedAndResumeDoesNothing() {
        Node n = node("n", p -> p.timer("t", MS));
        n.start();
        n.pause();

        world.simulation().runUntil(5 * MS);
        n.crash();
        n.resume();
        world.simulation().runUntilEmpty();

        assertThat(log).isEmpty();
        assertThat(n.state()).isEqualTo(NodeState.DOWN);
    }

    @Test
    void when_negativeTimerDelay_then_itIsRejected() {
        Node n = idle("n");
        n.start();

        assertThatThrownBy(() -> process(n).timer("bad", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_processAsksForNamedRandomStreams_then_theyAreReproducibleAndDistinct() {
        Node n = idle("n");
        n.start();
        long election = process(n).ctx.random("election").nextLong();
        long jitter = process(n).ctx.random("jitter").nextLong();

        World twin = new World(11, NetworkConfig.uniform(new Constant(MS)));
        Node m = twin.addNode("n", HERE, DiskConfig.instant(), () -> new Scripted(p -> {}));
        m.start();

        assertThat(process(m).ctx.random("election").nextLong()).isEqualTo(election);
        assertThat(election).isNotEqualTo(jitter);
    }

    @Test
    void when_lifecycleChanges_then_eachIsTraced() {
        Node n = node("n", p -> p.timer("t", MS));
        n.start();
        n.pause();
        world.simulation().runUntil(2 * MS);
        n.resume();
        world.simulation().runUntil(3 * MS);
        n.crash();

        assertThat(world.trace().tail()).extracting(l -> l.split(" ")[1])
                .containsExactly("START", "PAUSE", "RESUME", "TIMER", "CRASH");
    }
    @Test
    void when_processingIsSlowed_then_messagesReachTheProcessLaterButTimersDoNot() {
        Node sender = world.addNode("sender", HERE, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>()));
        Node n = node("n", p -> p.timer("t3", 3 * MS));
        sender.start();
        n.start();
        n.setProcessingDelay(5 * MS);
        NodeContext from = ((RecordingProcess) sender.process()).ctx();
        from.send(n.id(), new Ping(1), Delivery.FIFO);

        world.simulation().runUntilEmpty();

        // The message arrives at 1 ms and is handled 5 ms later; the timer fires on time.
        assertThat(log).containsExactly("1:t3@3", "1:msg1@6");
        assertThat(n.processingDelayNanos()).isEqualTo(5 * MS);
    }

    @Test
    void when_nodeCrashesWhileAMessageWaitsForSlowProcessing_then_theMessageIsLost() {
        Node sender = world.addNode("sender", HERE, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>()));
        Node n = idle("n");
        sender.start();
        n.start();
        n.setProcessingDelay(5 * MS);
        ((RecordingProcess) sender.process()).ctx().send(n.id(), new Ping(1), Delivery.FIFO);

        world.simulation().runUntil(2 * MS);
        n.crash();
        n.start();
        world.simulation().runUntilEmpty();

        assertThat(log).isEmpty();
        assertThatThrownBy(() -> n.setProcessingDelay(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_processIsKilled_then_itIsDownAndTheTraceSaysKill() {
        Node n = idle("n");
        n.start();

        n.kill();

        assertThat(n.state()).isEqualTo(NodeState.DOWN);
        assertThat(world.trace().tail()).last().asString().contains("CRASH").contains("kill");
    }
}
