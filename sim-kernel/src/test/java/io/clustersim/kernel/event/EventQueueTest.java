package io.clustersim.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    /** A handler that only carries an id, so a test can tell which event came out. */
    private record Tagged(int id) implements EventHandler {
        @Override
        public void onEvent() {}
    }

    private static int pollId(EventQueue q) {
        return ((Tagged) q.poll()).id();
    }

    @Test
    void when_eventsScheduledOutOfTimeOrder_then_pollReturnsThemByTime() {
        EventQueue q = new EventQueue();
        long[] times = {50, 10, 40, 20, 30, 0, 60};
        for (int i = 0; i < times.length; i++) {
            q.schedule(times[i], new Tagged(i));
        }

        List<Long> polled = new ArrayList<>();
        while (!q.isEmpty()) {
            polled.add(q.peekTime());
            q.poll();
        }

        assertThat(polled).containsExactly(0L, 10L, 20L, 30L, 40L, 50L, 60L);
    }

    @Test
    void when_eventsShareATime_then_theyComeOutInSchedulingOrder() {
        EventQueue q = new EventQueue();
        for (int i = 0; i < 100; i++) {
            q.schedule(7, new Tagged(i));
        }
        q.schedule(3, new Tagged(-1));

        assertThat(pollId(q)).isEqualTo(-1);
        for (int i = 0; i < 100; i++) {
            assertThat(pollId(q)).isEqualTo(i);
        }
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void when_pendingEventCancelled_then_itNeverComesOut() {
        EventQueue q = new EventQueue();
        q.schedule(1, new Tagged(1));
        long h = q.schedule(2, new Tagged(2));
        q.schedule(3, new Tagged(3));

        assertThat(q.cancel(h)).isTrue();

        assertThat(q.size()).isEqualTo(2);
        assertThat(pollId(q)).isEqualTo(1);
        assertThat(pollId(q)).isEqualTo(3);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void when_cancelledTwice_then_secondCancelReturnsFalse() {
        EventQueue q = new EventQueue();
        long h = q.schedule(5, new Tagged(1));

        assertThat(q.cancel(h)).isTrue();
        assertThat(q.cancel(h)).isFalse();
        assertThat(q.isPending(h)).isFalse();
    }

    @Test
    void when_eventAlreadyPolled_then_cancelReturnsFalse() {
        EventQueue q = new EventQueue();
        long h = q.schedule(5, new Tagged(1));
        q.poll();

        assertThat(q.isPending(h)).isFalse();
        assertThat(q.cancel(h)).isFalse();
    }

    @Test
    void when_slotRecycledByNewEvent_then_staleHandleNeitherCancelsNorSeesIt() {
        EventQueue q = new EventQueue();
        long stale = q.schedule(5, new Tagged(1));
        q.poll();
        long fresh = q.schedule(9, new Tagged(2));
        assertThat((int) fresh).as("the freed slot is reused").isEqualTo((int) stale);

        assertThat(q.isPending(stale)).isFalse();
        assertThat(q.cancel(stale)).isFalse();

        assertThat(q.isPending(fresh)).isTrue();
        assertThat(pollId(q)).isEqualTo(2);
    }

    @Test
    void when_handleIsGarbage_then_cancelReturnsFalse() {
        EventQueue q = new EventQueue();
        q.schedule(5, new Tagged(1));

        assertThat(q.cancel(-1)).isFalse();
        assertThat(q.cancel(12345)).isFalse();
        assertThat(q.size()).isEqualTo(1);
    }

    @Test
    void when_manyMoreEventsThanInitialCapacity_then_queueGrowsAndKeepsOrder() {
        EventQueue q = new EventQueue(16);
        Random r = new Random(7);
        long[] times = new long[5_000];
        for (int i = 0; i < times.length; i++) {
            times[i] = r.nextInt(1_000);
            q.schedule(times[i], new Tagged(i));
        }
        long last = -1;
        int count = 0;
        while (!q.isEmpty()) {
            long t = q.peekTime();
            assertThat(t).isGreaterThanOrEqualTo(last);
            assertThat(times[pollId(q)]).isEqualTo(t);
            last = t;
            count++;
        }
        assertThat(count).isEqualTo(times.length);
    }

    /** Key of the reference model: what the queue promises, a total order by (time, sequence). */
    private record Key(long time, long seq) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Test
    void when_randomScheduleCancelPollInterleaved_then_queueAgreesWithTreeMapReference() {
        agreesWithReference(new EventQueue(16), 20240611L, 200, false);
    }

    @Test
    void when_eventsSpanManyBuckets_then_queueAgreesWithTreeMapReference() {
        // Buckets of 8 ns, a ring of 16: times up to 1,000 ns ahead cross buckets, wrap the ring
        // and overflow it, and cancellations leave entries behind in buckets.
        for (long seed = 1; seed <= 20; seed++) {
            agreesWithReference(new EventQueue(16, 3, 4), seed, 1_000, true);
        }
    }

    @Test
    void when_ringHasNoBuckets_then_queueIsOneHeapAndAgreesWithReference() {
        agreesWithReference(new EventQueue(16, 3, 0), 7L, 1_000, true);
    }

    /**
     * Random schedules, cancellations (of any handle ever issued) and polls against a TreeMap
     * by (time, sequence). {@code fromNow}: times are the last polled time plus up to
     * {@code span}, as a simulation schedules; otherwise anywhere in [0, span).
     */
    private static void agreesWithReference(EventQueue q, long seed, int span, boolean fromNow) {
        Random r = new Random(seed);
        long now = 0;
        TreeMap<Key, Integer> model = new TreeMap<>();
        Map<Integer, Key> keyOfId = new TreeMap<>();
        List<Long> handles = new ArrayList<>(); // index = event id; includes finished ones
        long seq = 0;

        for (int op = 0; op < 20_000; op++) {
            int kind = r.nextInt(10);
            if (kind < 5 || model.isEmpty()) {
                // Few distinct times, so ties are common.
                long time = fromNow ? now + r.nextInt(span) : r.nextInt(span);
                int id = handles.size();
                handles.add(q.schedule(time, new Tagged(id)));
                Key k = new Key(time, seq++);
                model.put(k, id);
                keyOfId.put(id, k);
            } else if (kind < 8) {
                // Cancel any handle ever issued, pending or not.
                int id = r.nextInt(handles.size());
                Key k = keyOfId.get(id);
                boolean pendingInModel = k != null && model.containsKey(k);
                assertThat(q.isPending(handles.get(id))).isEqualTo(pendingInModel);
                assertThat(q.cancel(handles.get(id))).as("cancel of event %d", id).isEqualTo(pendingInModel);
                if (pendingInModel) {
                    model.remove(k);
                }
            } else {
                Map.Entry<Key, Integer> first = model.pollFirstEntry();
                assertThat(q.peekTime()).isEqualTo(first.getKey().time());
                assertThat(pollId(q)).as("poll at op %d, seed %d", op, seed).isEqualTo(first.getValue());
                now = first.getKey().time();
            }
            assertThat(q.size()).isEqualTo(model.size());
        }
        while (!model.isEmpty()) {
            Map.Entry<Key, Integer> first = model.pollFirstEntry();
            assertThat(q.peekTime()).isEqualTo(first.getKey().time());
            assertThat(pollId(q)).isEqualTo(first.getValue());
        }
        assertThat(q.isEmpty()).isTrue();
        for (long h : handles) {
            assertThat(q.isPending(h)).isFalse();
        }
    }
}
