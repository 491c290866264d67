package io.clustersim.model.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.model.deployment.Deployments.Run;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.raft.metrics.RaftMetricNames;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gen;
import io.clustersim.testkit.gen.Gens;
import io.clustersim.testkit.property.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * One region of 3 or 5 servers (one per zone) under random crashes, graceful stops (leave on
 * terminate) and isolating partitions that never strike more than a minority of its servers: a
 * fixed set of at most (n-1)/2 victims takes every fault. Nothing of a majority is ever lost, so:
 *
 * <ul>
 *   <li>no committed write is lost and no Raft invariant breaks (the checker stops the run at once);
 *   <li>autopilot never takes the voters below a quorum of the configuration it removes from;
 *   <li>from {@value #RECOVERY_BOUND_SECONDS} s after the last fault ends, there is a leader and every
 *       probe's writes and reads succeed.
 * </ul>
 *
 * The bound: the last fault's end can cost one election (a follower notices within [HT, 3HT) =
 * [1, 3) s, plus two rounds of milliseconds), and a probe whose server is not serving yet (it is
 * still restarting, or has left and waits to be added again: its agent starts in 0 s here and the
 * leader adds it at Serf's join event, seconds later) loses at most one 5 s timeout per server it
 * tries before one answers, of which at most (n-1)/2 = 2 are not serving: 3 + 2 x 5 = 13 s, and we
 * allow 20 s for Serf's join to spread.
 */
class MinorityFaultsPropertyTest {
    static final long RECOVERY_BOUND_SECONDS = 20;
    static final long FAULTS_FROM = 30;
    static final long FAULTS_UNTIL = 150;
    static final long CHECKED_FOR = 60;

    record Params(int servers, List<Integer> victims, List<ScheduledFault> faults) {}

    static Gen<Params> params() {
        return d -> {
            int n = Gens.elements(List.of(3, 5)).generate(d);
            int minority = (n - 1) / 2;
            List<Integer> victims = new ArrayList<>();
            int count = d.drawInt(1, minority);
            for (int i = 0; i < count; i++) {
                int v = d.drawInt(1, n);
                if (!victims.contains(v)) {
                    victims.add(v);
                }
            }
            List<ScheduledFault> faults = new ArrayList<>();
            int k = d.drawInt(1, 4);
            for (int i = 0; i < k; i++) {
                String victim = "server-" + victims.get(d.drawInt(0, victims.size() - 1));
                long at = d.drawLong(FAULTS_FROM, FAULTS_UNTIL - 10);
                long duration = d.drawLong(5, Math.max(5, FAULTS_UNTIL - at));
                List<String> rest = new ArrayList<>();
                for (int s = 1; s <= n; s++) {
                    if (!("server-" + s).equals(victim)) {
                        rest.add("server-" + s);
                    }
                }
                Fault f = switch (d.drawInt(0, 2)) {
                    case 0 -> new Fault.Crash(new Target.Node(victim));
                    case 1 -> new Fault.Stop(new Target.Node(victim), StopSignal.TERMINATE);
                    default -> new Fault.Partition(List.of(List.of(victim), rest));
                };
                faults.add(new ScheduledFault(at * Deployments.S, f, duration * Deployments.S));
            }
            return new Params(n, victims, faults);
        };
    }

    @Property(tries = 100)
    void when_onlyAMinorityOfServersIsHit_then_writesSurviveAndTheRegionRecoversWithinTheBound(Draws draws) {
        long seed = draws.draw(Gens.seeds(), "seed");
        Params p = draws.draw(params(), "faults");
        Run run = Deployments.start(seed, Deployments.topology(1, p.servers(), 1, 0),
                NomadServerConfig.defaults().withLeave(true, false), p.faults());
        long lastEnd = p.faults().stream().mapToLong(f -> f.atNanos() + f.durationNanos()).max().orElseThrow()
                / Deployments.S;
        long from = lastEnd + RECOVERY_BOUND_SECONDS;
        run.until(from + CHECKED_FOR);
        run.running().publish();

        assertThat(run.count(RaftMetricNames.COMMITTED_WRITES_LOST)).isZero();
        assertThat(run.count(RaftMetricNames.INVARIANT_VIOLATIONS)).isZero();
        double[] voters = run.world().telemetry().level(NomadMetrics.RAFT_VOTERS, Labels.of("region", "r1"), 0)
                .changeValues();
        for (int i = 2; i < voters.length; i++) {
            int quorumBefore = (int) voters[i - 1] / 2 + 1;
            assertThat(voters[i]).as("voters after step %d of %s", i, java.util.Arrays.toString(voters))
                    .isGreaterThanOrEqualTo(Math.min(quorumBefore, voters[i - 1]));
        }
        assertThat(run.leader()).as("a leader %d s after the last fault", RECOVERY_BOUND_SECONDS + CHECKED_FOR).isNotNull();
        assertThat(run.timeWeighted(NomadMetrics.WRITE_AVAILABILITY, from, from + CHECKED_FOR)).isEqualTo(1.0);
        assertThat(run.timeWeighted(NomadMetrics.READ_AVAILABILITY_CONSISTENT, from, from + CHECKED_FOR)).isEqualTo(1.0);
        assertThat(run.timeWeighted(NomadMetrics.READ_AVAILABILITY_STALE, from, from + CHECKED_FOR)).isEqualTo(1.0);
    }
}
