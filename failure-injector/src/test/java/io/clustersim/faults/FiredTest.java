package io.clustersim.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiredTest {
    private static final long S = 1_000_000_000L;

    @Test
    void when_aFaultHasADuration_then_itEndsThenAndItsLabelSaysSo() {
        Fired f = new Fired(300 * S, new ScheduledFault(300 * S, new Fault.Crash(new Target.Node("server-1")), 60 * S), List.of("server-1"));
        assertThat(f.endNanos()).isEqualTo(360 * S);
        assertThat(f.label()).startsWith("at 5m: ").endsWith(" for 1m").contains("server-1");
    }

    @Test
    void when_aFaultLasts_then_itNeverEndsAndItsLabelHasNoDuration() {
        Fired f = new Fired(10 * S, new ScheduledFault(10 * S, new Fault.Crash(new Target.Node("a")), 0), List.of("a"));
        assertThat(f.endNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(f.label()).startsWith("at 10s: ").doesNotContain(" for ");
    }
}
