package io.clustersim.raft.faulttolerance;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ProtocolEvents;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.faults.Trigger;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gen;
import io.clustersim.testkit.gen.Gens;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators for fault-tolerance properties, built on sim-testkit's {@link Gens} and drawing
 * faults from ClusterSim's one fault vocabulary ({@code io.clustersim.faults}). Times are drawn in
 * thousandths of a "unit", the profile's minimum election delay (1 s for hashicorp's, 150 ms for
 * the paper's), so schedules stress every profile on its own time scale. Every generator shrinks
 * toward the simplest case: small clusters, the hashicorp profile, FIFO delivery, few and short
 * faults early in the run, a crash before anything else.
 */
final class FaultGens {
    /** Faults start within this many units of the run's start. */
    static final int HORIZON_UNITS = 20;
    /** No fault lasts longer than this many units. */
    static final int MAX_DURATION_UNITS = 8;
    /** Nemesis reactions come at most this long after the event they react to. */
    static final long MAX_REACTION_MICROS = 20_000;

    private FaultGens() {}

    static Gen<ClusterParams> clusters(int maxVoters, int maxNonVoters) {
        return draws -> new ClusterParams(
                draws.drawInt(1, maxVoters),
                draws.drawInt(0, maxNonVoters),
                Gens.elements(List.of("hashicorp", "etcd", "paper")).generate(draws),
                !Gens.booleans().generate(draws),
                Gens.elements(List.of(10.0, 50.0, 2.0, 100.0)).generate(draws),
                Gens.elements(List.of(40, 8, 200)).generate(draws),
                Gens.elements(List.of(Delivery.FIFO, Delivery.DATAGRAM)).generate(draws),
                Gens.elements(List.of(2.0, 10.0, 50.0)).generate(draws),
                Gens.elements(List.of(1.0, 5.0, 20.0, 100.0)).generate(draws),
                Gens.booleans().generate(draws));
    }

    /** The servers' names and the time unit of one cluster. */
    record Scale(List<String> servers, long unitNanos) {
        long time(long milliUnits) {
            return milliUnits * unitNanos / 1000;
        }

        /** A fault's duration: never zero, which would mean "stays" in the vocabulary. */
        long duration(long milliUnits) {
            return Math.max(1, time(milliUnits));
        }

        String server(int i) {
            return servers.get(i % servers.size());
        }

        long faultPhaseEnd() {
            return time((HORIZON_UNITS + MAX_DURATION_UNITS) * 1000L);
        }
    }

    private static long at(Draws d) {
        return d.drawLong(0, HORIZON_UNITS * 1000L);
    }

    private static long duration(Draws d) {
        return d.drawLong(0, MAX_DURATION_UNITS * 1000L);
    }

    /**
     * How soon a nemesis reacts: mostly within the first milliseconds, before a new leader's
     * no-op or a vote's effects have spread, which is the window where bugs show.
     */
    private static long reaction(Draws d) {
        long scale = Gens.elements(List.of(1_000L, 5_000L, MAX_REACTION_MICROS)).generate(d);
        return d.drawLong(0, scale);
    }

    /**
     * Two disjoint sides: each server is drawn unaffected, in A or in B; those in neither are
     * bridges. Shrinks toward "server 0 against everyone else".
     */
    private static ScheduledFault partition(Draws d, Scale s) {
        int servers = s.servers().size();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            int side = d.drawInt(0, 2);
            if (side == 1) {
                a.add(s.server(i));
            } else if (side == 2) {
                b.add(s.server(i));
            }
        }
        if (a.isEmpty() || b.isEmpty()) {
            List<String> others = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                if (!(a.isEmpty() ? i == 0 : a.contains(s.server(i)))) {
                    others.add(s.server(i));
                }
            }
            if (a.isEmpty()) {
                a = List.of(s.server(0));
            }
            b = others;
        }
        boolean oneWay = d.drawBoolean();
        return new ScheduledFault(s.time(at(d)), new Fault.Partition(List.of(a, b), oneWay), s.duration(duration(d)));
    }

    /** A Jepsen-style nemesis: every {@code event} in the window hits its node {@code reaction} later. */
    private static ScheduledFault nemesis(Scale s, ProtocolEvents.Kind event, long from, long window, long reactionMicros,
            Fault fault, long lasting) {
        long start = s.time(from);
        return new ScheduledFault(new Trigger.Whenever(event, start, start + s.time(window), reactionMicros * 1000), fault,
                s.duration(lasting));
    }

    static Gen<ScheduledFault> faults(Scale s) {
        int servers = s.servers().size();
        Target subject = new Target.Subject();
        Gen<ScheduledFault> crash = d -> {
            String victim = s.server(d.drawInt(0, servers - 1));
            return new ScheduledFault(s.time(at(d)), new Fault.Crash(new Target.Node(victim)), s.duration(duration(d)));
        };
        Gen<ScheduledFault> partition = d -> partition(d, s);
        Gen<ScheduledFault> pause = d -> {
            String victim = s.server(d.drawInt(0, servers - 1));
            return new ScheduledFault(s.time(at(d)), new Fault.Pause(new Target.Node(victim)), s.duration(duration(d)));
        };
        Gen<ScheduledFault> lossy = d -> {
            long at = at(d);
            long length = duration(d);
            return new ScheduledFault(s.time(at), new Fault.Degrade(new Fault.Links.Everywhere(), 0, 0,
                    Gens.doubles(0, 0.4).generate(d), Gens.doubles(0, 0.3).generate(d)), s.duration(length));
        };
        Gen<ScheduledFault> transfer = d -> new ScheduledFault(s.time(at(d)), new Fault.TransferLeadership(), 0);
        Gen<ScheduledFault> crashVoters = d -> nemesis(s, ProtocolEvents.Kind.VOTE_GRANTED, at(d), duration(d), reaction(d),
                new Fault.Crash(subject), duration(d));
        Gen<ScheduledFault> crashLeaders = d -> nemesis(s, ProtocolEvents.Kind.LEADER_ELECTED, at(d), duration(d), reaction(d),
                new Fault.Crash(subject), duration(d));
        Gen<ScheduledFault> isolateLeaders = d -> nemesis(s, ProtocolEvents.Kind.LEADER_ELECTED, at(d), duration(d),
                reaction(d), new Fault.Isolate(subject), duration(d));
        return Gens.oneOfGens(crash, partition, pause, lossy, transfer, crashVoters, crashLeaders, isolateLeaders);
    }

    static Gen<List<ScheduledFault>> schedules(Scale s, int maxFaults) {
        return Gens.lists(faults(s), 0, maxFaults);
    }

    /**
     * An election storm: one to three nemeses active for the whole fault phase (crash voters just
     * after they vote, crash or isolate leaders just after they win), plus up to three ordinary
     * faults. Outages are drawn from a few lengths, shortest first, since the dangerous ones are
     * the restarts that come back while an election is still running.
     */
    static Gen<List<ScheduledFault>> storms(Scale s) {
        long whole = (HORIZON_UNITS + MAX_DURATION_UNITS) * 1000L;
        Gen<Long> outage = Gens.elements(List.of(0L, 20L, 100L, 500L, 2000L));
        Target subject = new Target.Subject();
        Gen<ScheduledFault> crashVoters = d -> nemesis(s, ProtocolEvents.Kind.VOTE_GRANTED, 0, whole, reaction(d),
                new Fault.Crash(subject), outage.generate(d));
        Gen<ScheduledFault> isolateLeaders = d -> nemesis(s, ProtocolEvents.Kind.LEADER_ELECTED, 0, whole, reaction(d),
                new Fault.Isolate(subject), outage.generate(d));
        Gen<ScheduledFault> crashLeaders = d -> nemesis(s, ProtocolEvents.Kind.LEADER_ELECTED, 0, whole, reaction(d),
                new Fault.Crash(subject), outage.generate(d));
        Gen<List<ScheduledFault>> nemeses = Gens.lists(Gens.oneOfGens(crashVoters, isolateLeaders, crashLeaders), 1, 3);
        Gen<List<ScheduledFault>> others = Gens.lists(faults(s), 0, 3);
        return d -> {
            List<ScheduledFault> all = new ArrayList<>(nemeses.generate(d));
            all.addAll(others.generate(d));
            return List.copyOf(all);
        };
    }
}
