package io.clustersim.model.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.model.deployment.Deployments.Run;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.server.ServerAgent;
import io.clustersim.model.server.fsm.StateStore;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.NodeStatus;
import io.clustersim.model.workload.JobSpec;
import io.clustersim.model.workload.Workload;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gen;
import io.clustersim.testkit.gen.Gens;
import io.clustersim.testkit.property.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * The client-side promises, over random fault schedules on a region of 3 servers and 9 clients
 * (one server and three clients per zone) running a service job of 9:
 *
 * <ul>
 *   <li>faults on at most one server (crash, graceful stop, isolation, the leader or not) never
 *       mark a client down: every client keeps heartbeating within its TTL through a server of a
 *       quorum (a new leader gives every node the failover TTL);
 *   <li>with crashes of up to three clients as well, every allocation of a down node is replaced:
 *       {@value #SETTLE_SECONDS} s after the last fault (TTL plus grace, at most 30 s, a few seconds
 *       of scheduling, and the failover TTL of 5 minutes if a leader change came last) the job runs
 *       its 9 allocations, none on a down node; capacity exists, as six clients hold all nine;
 *   <li>no allocation is ever placed on a node already marked down.
 * </ul>
 */
class ClientPropertiesTest {
    static final long S = Deployments.S;
    static final long SETTLE_SECONDS = 30 + 10 + 300;

    record Schedule(List<ScheduledFault> faults, long lastEndSeconds) {}

    /**
     * Faults one after another, never overlapping, each on one server: a fixed victim or whoever
     * leads at the time; and (if {@code clients}) crashes of up to three clients.
     */
    static Gen<Schedule> schedules(boolean clients) {
        return d -> {
            List<ScheduledFault> out = new ArrayList<>();
            String victim = "server-" + d.drawInt(1, 3);
            boolean leaderMode = d.drawBoolean();
            long at = d.drawLong(60, 120);
            long last = 0;
            int k = d.drawInt(1, 3);
            for (int i = 0; i < k; i++) {
                long dur = d.drawLong(5, 90);
                Target t = leaderMode ? new Target.Leader() : new Target.Node(victim);
                Fault f = switch (d.drawInt(0, 2)) {
                    case 0 -> new Fault.Crash(t);
                    case 1 -> new Fault.Stop(t, StopSignal.TERMINATE);
                    default -> leaderMode ? new Fault.Crash(t) : new Fault.Partition(List.of(List.of(victim), others(victim)));
                };
                out.add(new ScheduledFault(at * S, f, dur * S));
                last = at + dur;
                at = last + d.drawLong(30, 120);
            }
            if (clients) {
                int c = d.drawInt(1, 3);
                for (int i = 0; i < c; i++) {
                    long when = d.drawLong(60, 240);
                    out.add(new ScheduledFault(when * S, new Fault.Crash(new Target.Node("client-" + d.drawInt(1, 9))), 0));
                    last = Math.max(last, when);
                }
            }
            return new Schedule(out, last);
        };
    }

    static List<String> others(String server) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            if (!("server-" + i).equals(server)) {
                out.add("server-" + i);
            }
        }
        for (int i = 1; i <= 9; i++) {
            out.add("client-" + i);
        }
        return out;
    }

    static Run start(long seed, Schedule s) {
        Job web = ClientsTest.service("web", 9);
        return Deployments.start(seed, ClientsTest.spec(3, new Workload(List.of(new JobSpec(web, 0, 0)), 20 * S)), s.faults());
    }

    @Property(tries = 60)
    void when_atMostOneServerIsHit_then_noClientIsMarkedDown(Draws draws) {
        long seed = draws.draw(Gens.seeds(), "seed");
        Schedule s = draws.draw(schedules(false), "faults");
        Run run = start(seed, s);
        run.until(s.lastEndSeconds() + SETTLE_SECONDS);
        assertThat(run.count(NomadMetrics.NODES_MARKED_DOWN)).as("nodes marked down").isZero();
        assertThat(run.count(NomadMetrics.NODES_DISCONNECTED)).isZero();
    }

    @Property(tries = 60)
    void when_clientsCrashToo_then_everyLostAllocationIsReplacedAndNoneGoesToADownNode(Draws draws) {
        long seed = draws.draw(Gens.seeds(), "seed");
        Schedule s = draws.draw(schedules(true), "faults");
        Run run = start(seed, s);
        run.until(s.lastEndSeconds() + SETTLE_SECONDS);
        assertThat(run.count(NomadMetrics.ALLOCATIONS_PLACED_ON_DOWN_NODES)).isZero();
        assertThat(run.count(NomadMetrics.NODES_FALSELY_MARKED_DOWN)).isZero();
        StateStore state = ((ServerAgent) run.world().node(run.leader()).process()).state();
        List<Allocation> live = state.allocsOfJob("web").stream().filter(a -> !a.terminal()).toList();
        assertThat(live).as("live allocations of web").hasSize(9);
        assertThat(live).allSatisfy(a -> assertThat(state.node(a.nodeName()).status()).isEqualTo(NodeStatus.READY));
    }
}
