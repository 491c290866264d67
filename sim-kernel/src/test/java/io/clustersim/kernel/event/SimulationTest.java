package io.clustersim.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private final Simulation sim = new Simulation();
    private final List<String> ran = new ArrayList<>();

    private EventHandler log(String name) {
        return () -> ran.add(name + "@" + sim.now());
    }

    @Test
    void when_eventsScheduled_then_theyRunInTimeOrderWithTheClockAtEachEventsTime() {
        sim.schedule(30, log("c"));
        sim.schedule(10, log("a"));
        sim.schedule(20, log("b"));

        sim.runUntilEmpty();

        assertThat(ran).containsExactly("a@10", "b@20", "c@30");
        assertThat(sim.now()).isEqualTo(30);
    }

    @Test
    void when_eventsShareATime_then_theyRunInSchedulingOrder() {
        sim.schedule(5, log("first"));
        sim.scheduleAt(5, log("second"));
        sim.schedule(5, log("third"));

        sim.runUntilEmpty();

        assertThat(ran).containsExactly("first@5", "second@5", "third@5");
    }

    @Test
    void when_handlerSchedulesAtZeroDelay_then_newEventRunsAfterThoseAlreadyDueThen() {
        sim.schedule(5, () -> {
            ran.add("parent@" + sim.now());
            sim.schedule(0, log("child"));
        });
        sim.schedule(5, log("sibling"));

        sim.runUntilEmpty();

        assertThat(ran).containsExactly("parent@5", "sibling@5", "child@5");
    }

    @Test
    void when_pendingEventCancelled_then_itNeverRunsAndSecondCancelReturnsFalse() {
        long h = sim.schedule(10, log("cancelled"));
        sim.schedule(20, log("kept"));

        assertThat(sim.isPending(h)).isTrue();
        assertThat(sim.cancel(h)).isTrue();
        assertThat(sim.cancel(h)).isFalse();
        sim.runUntilEmpty();

        assertThat(ran).containsExactly("kept@20");
        assertThat(sim.isPending(h)).isFalse();
    }

    @Test
    void when_eventHasRun_then_cancellingItReturnsFalse() {
        long h = sim.schedule(10, log("a"));
        sim.runUntilEmpty();

        assertThat(sim.cancel(h)).isFalse();
    }

    @Test
    void when_runUntilTime_then_eventsUpToAndIncludingEndRunAndClockStopsAtEnd() {
        sim.schedule(10, log("a"));
        sim.schedule(100, log("atEnd"));
        sim.schedule(101, log("after"));

        sim.runUntil(100);

        assertThat(ran).containsExactly("a@10", "atEnd@100");
        assertThat(sim.now()).isEqualTo(100);
        assertThat(sim.pendingEvents()).isEqualTo(1);
    }

    @Test
    void when_runUntilTimeWithNoEvents_then_clockStillAdvancesToEnd() {
        sim.runUntil(1_000);

        assertThat(sim.now()).isEqualTo(1_000);
        sim.schedule(5, log("a"));
        sim.runUntil(2_000);
        assertThat(ran).containsExactly("a@1005");
        assertThat(sim.now()).isEqualTo(2_000);
    }

    @Test
    void when_runUntilTimeInThePast_then_clockDoesNotGoBack() {
        sim.runUntil(500);
        sim.runUntil(100);

        assertThat(sim.now()).isEqualTo(500);
    }

    @Test
    void when_runUntilConditionBecomesTrue_then_runStopsRightAfterThatEvent() {
        int[] counter = {0};
        for (int i = 1; i <= 10; i++) {
            sim.schedule(i * 10L, () -> counter[0]++);
        }

        boolean held = sim.runUntil(() -> counter[0] == 3, 1_000);

        assertThat(held).isTrue();
        assertThat(sim.now()).isEqualTo(30);
        assertThat(sim.pendingEvents()).isEqualTo(7);
    }

    @Test
    void when_runUntilConditionAlreadyTrue_then_noEventRuns() {
        sim.schedule(10, log("a"));

        assertThat(sim.runUntil(() -> true, 1_000)).isTrue();

        assertThat(ran).isEmpty();
        assertThat(sim.now()).isZero();
    }

    @Test
    void when_runUntilConditionNeverHolds_then_itStopsBeforeTheFirstEventPastTheLimit() {
        sim.schedule(10, log("a"));
        sim.schedule(50, log("atLimit"));
        sim.schedule(51, log("beyond"));

        boolean held = sim.runUntil(() -> false, 50);

        assertThat(held).isFalse();
        assertThat(ran).containsExactly("a@10", "atLimit@50");
        assertThat(sim.pendingEvents()).isEqualTo(1);
    }

    @Test
    void when_runUntilConditionAndQueueEmpties_then_itReturnsFalse() {
        sim.schedule(10, log("a"));

        assertThat(sim.runUntil(() -> false, 1_000)).isFalse();

        assertThat(ran).containsExactly("a@10");
    }

    @Test
    void when_eventsKeepSchedulingMore_then_runUntilEmptyRunsAllOfThem() {
        int[] left = {100};
        EventHandler[] tick = new EventHandler[1];
        tick[0] = () -> {
            if (--left[0] > 0) {
                sim.schedule(7, tick[0]);
            }
        };
        sim.schedule(0, tick[0]);

        sim.runUntilEmpty();

        assertThat(left[0]).isZero();
        assertThat(sim.now()).isEqualTo(99 * 7);
        assertThat(sim.eventsProcessed()).isEqualTo(100);
        assertThat(sim.pendingEvents()).isZero();
    }

    @Test
    void when_eventsRunOrAreCancelled_then_onlyRunEventsCount() {
        for (int i = 0; i < 5; i++) {
            sim.schedule(i, log("e" + i));
        }
        long h = sim.schedule(3, log("x"));
        sim.cancel(h);

        assertThat(sim.step()).isTrue();
        assertThat(sim.eventsProcessed()).isEqualTo(1);
        sim.runUntilEmpty();
        assertThat(sim.eventsProcessed()).isEqualTo(5);
        assertThat(sim.step()).isFalse();
        assertThat(sim.eventsProcessed()).isEqualTo(5);
    }

    @Test
    void when_delayIsNegative_then_scheduleRejectsIt() {
        assertThatThrownBy(() -> sim.schedule(-1, log("a"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.pendingEvents()).isZero();
    }

    @Test
    void when_absoluteTimeIsInThePast_then_scheduleAtRejectsIt() {
        sim.runUntil(100);

        assertThatThrownBy(() -> sim.scheduleAt(99, log("a"))).isInstanceOf(IllegalArgumentException.class);
        sim.scheduleAt(100, log("now"));
        sim.runUntilEmpty();
        assertThat(ran).containsExactly("now@100");
    }
}
