package io.clustersim.kernel.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TelemetryTest {
    static final MetricName WRITES = MetricName.counter("writes", "writes done");
    static final MetricName UP = MetricName.level("up", "ratio", "1 while available");
    static final MetricName LATENCY = MetricName.samples("latencyMs", "ms", "per write");

    long now;
    final Telemetry t = new Telemetry(() -> now);

    @Test
    void when_theSameNameAndLabelsAreAskedAgain_then_theSameInstrumentComesBack() {
        Labels a = Labels.of("region", "a");
        t.counter(WRITES, a).increment();
        t.counter(WRITES, a).add(2);
        t.counter(WRITES, Labels.of("region", "b")).increment();
        assertThat(t.counter(WRITES, a).value()).isEqualTo(3);
        assertThat(t.entries(WRITES)).extracting(Telemetry.Entry::labels).containsExactly(a, Labels.of("region", "b"));
        t.samples(LATENCY, Labels.NONE).add(4);
        t.samples(LATENCY, Labels.NONE).add(6);
        assertThat(t.samples(LATENCY, Labels.NONE).values()).containsExactly(4, 6);
    }

    @Test
    void when_aNameIsUsedAsTheWrongKind_then_itIsRefused() {
        assertThatThrownBy(() -> t.level(WRITES, Labels.NONE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricName.counter("Bad key", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_aLevelChanges_then_itsMeanWeighsEachValueByHowLongItHeld() {
        Level up = t.level(UP, Labels.NONE, 1);
        now = 60;
        up.set(0);
        now = 70;
        up.set(1);
        now = 100;
        assertThat(up.meanOver(0, 100)).isCloseTo(0.9, within(1e-12));
        assertThat(up.meanOver(60, 70)).isZero();
        assertThat(up.meanOver(50, 80)).isCloseTo(2.0 / 3, within(1e-12));
        // Before the level existed nothing is known; an empty window has no mean.
        assertThat(up.meanOver(-100, 0)).isNaN();
        assertThat(up.changeTimes()).containsExactly(0, 60, 70);
    }

    @Test
    void when_aLevelIsSetTwiceAtOneInstantOrToItsValue_then_onlyTheLastChangeCounts() {
        Level up = t.level(UP, Labels.NONE, 1);
        now = 10;
        up.set(0);
        up.set(1);
        up.set(1);
        now = 20;
        assertThat(up.changeTimes()).containsExactly(0);
        assertThat(up.meanOver(0, 20)).isEqualTo(1);
    }

    @Test
    void when_aLevelIsUnknownForAWhile_then_thatTimeIsLeftOut() {
        Level up = t.level(UP, Labels.NONE, Double.NaN);
        now = 10;
        up.set(1);
        now = 20;
        up.set(0);
        now = 40;
        assertThat(up.meanOver(0, 40)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void when_aGaugeIsRead_then_itAsksItsSupplierThen() {
        double[] v = {1};
        t.gauge(MetricName.gauge("peers", "servers", "raft peers"), Labels.NONE, () -> v[0]);
        v[0] = 3;
        assertThat(t.entries().get(0).gauge()).isEqualTo(3);
    }

    @Test
    void when_stretchesArriveOutOfOrder_then_theMeanWeighsWhatIsKnownInTheWindow() {
        TimeWeighted w = t.timeWeighted(MetricName.timeWeighted("ok", "ratio", "probe outcomes"), Labels.NONE);
        w.add(10, 20, 0);
        w.add(0, 10, 1);
        w.add(30, 40, 1);
        assertThat(w.meanOver(0, 40)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(w.meanOver(5, 15)).isCloseTo(0.5, within(1e-12));
        assertThat(w.meanOver(20, 30)).isNaN();
        assertThat(w.knownNanos(0, 40)).isEqualTo(30);
    }
}
