package io.clustersim.benchmarks.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The three HOLD drivers must do the same work, or the comparison means nothing. */
class HoldModelTest {
    private static final int PENDING = 1_000;
    private static final int EVENTS = 20_000;

    @Test
    void when_holdRuns_then_pendingSetSizeStaysConstant() {
        KernelHold kernel = new KernelHold();
        kernel.pending = PENDING;
        kernel.fill();
        kernel.run(EVENTS);
        PriorityQueueHold pq = new PriorityQueueHold();
        pq.pending = PENDING;
        pq.fill();
        pq.run(EVENTS);
        DsolHold dsol = new DsolHold();
        dsol.pending = PENDING;
        dsol.fill();
        dsol.run(EVENTS);

        assertThat(kernel.pendingEvents()).isEqualTo(PENDING);
        assertThat(pq.pendingEvents()).isEqualTo(PENDING);
        assertThat(dsol.pendingEvents()).isEqualTo(PENDING);
    }

    @Test
    void when_sameIncrementsAreDrawn_then_allImplementationsReachTheSameClock() {
        KernelHold kernel = new KernelHold();
        kernel.pending = PENDING;
        kernel.fill();
        PriorityQueueHold pq = new PriorityQueueHold();
        pq.pending = PENDING;
        pq.fill();
        DsolHold dsol = new DsolHold();
        dsol.pending = PENDING;
        dsol.fill();

        double kernelSeconds = kernel.run(EVENTS) / 1e9;
        double pqSeconds = pq.run(EVENTS);
        double dsolSeconds = dsol.run(EVENTS);

        // Same order of (time, sequence) on doubles: identical. Ours rounds each increment to a
        // nanosecond, so its clock may differ by a few nanoseconds.
        assertThat(dsolSeconds).isEqualTo(pqSeconds);
        assertThat(kernelSeconds).isCloseTo(pqSeconds, within(1e-6));
        assertThat(pqSeconds).isGreaterThan(0.0);
    }
}
