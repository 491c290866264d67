package io.clustersim.gossip.memberlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.node.NodeId;
import org.junit.jupiter.api.Test;

/** The suspicion timer (memberlist suspicion.go, util.go suspicionTimeout). */
class SuspicionTest {
    private static final long S = 1_000_000_000L;
    private final ManualPorts ports = new ManualPorts(new NodeId(0, "a"), 1);
    private int fired;

    @Test
    void withExpectedConfirmations_startsAtMax() {
        new Suspicion("b", 2, 4 * S, 24 * S, ports, () -> fired++);
        ports.advance(24 * S - 1);
        assertThat(fired).isZero();
        ports.advance(1);
        assertThat(fired).isEqualTo(1);
    }

    @Test
    void withoutExpectedConfirmations_startsAtMin_andIgnoresConfirmations() {
        Suspicion s = new Suspicion("b", 0, 4 * S, 24 * S, ports, () -> fired++);
        assertThat(s.confirm("c")).isFalse();
        ports.advance(4 * S);
        assertThat(fired).isEqualTo(1);
    }

    @Test
    void eachNewConfirmer_pullsTheDeadlineIn_measuredFromTheStart() {
        Suspicion s = new Suspicion("b", 2, 4 * S, 24 * S, ports, () -> fired++);
        ports.advance(1 * S);
        assertThat(s.confirm("c")).isTrue();
        // 11.381 s from the start (floored to the ms), so 10.381 s from now.
        assertThat(ports.nextTimerAt()).isEqualTo(11_381_000_000L);
        ports.advance(1 * S);
        assertThat(s.confirm("d")).isTrue();
        assertThat(ports.nextTimerAt()).isEqualTo(4 * S);
        ports.advance(2 * S);
        assertThat(fired).isEqualTo(1);
    }

    @Test
    void accuserAndRepeatedConfirmers_doNotCount_norConfirmationsBeyondK() {
        Suspicion s = new Suspicion("b", 2, 4 * S, 24 * S, ports, () -> fired++);
        assertThat(s.confirm("b")).isFalse();
        assertThat(s.confirm("c")).isTrue();
        assertThat(s.confirm("c")).isFalse();
        assertThat(s.confirm("d")).isTrue();
        assertThat(s.confirm("e")).isFalse();
        assertThat(s.confirmations()).isEqualTo(2);
    }

    @Test
    void aConfirmationAfterTheShortenedDeadline_declaresDeadAtOnce() {
        Suspicion s = new Suspicion("b", 2, 4 * S, 24 * S, ports, () -> fired++);
        ports.advance(5 * S);
        s.confirm("c");
        s.confirm("d");
        assertThat(ports.nextTimerAt()).isEqualTo(5 * S);
        ports.advance(0);
        assertThat(fired).isEqualTo(1);
    }
}
