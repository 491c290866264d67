package io.clustersim.raft.faulttolerance;

import io.clustersim.kernel.network.Delivery;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gen;
import io.clustersim.testkit.gen.Gens;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators for fault-tolerance properties, built on sim-testkit's {@link Gens}. Every one
 * shrinks toward the simplest case: small clusters, the hashicorp profile, FIFO delivery, few and
 * short faults early in the run, a crash before anything else.
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
     * Two disjoint sides: each server is drawn unaffected, in A or in B. Shrinks toward "server 0
     * against everyone else".
     */
    private static Fault partition(Draws d, int servers) {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            int side = d.drawInt(0, 2);
            if (side == 1) {
                a.add(s);
            } else if (side == 2) {
                b.add(s);
            }
        }
        if (a.isEmpty() || b.isEmpty()) {
            List<Integer> others = new ArrayList<>();
            for (int s = 0; s < servers; s++) {
                if (!(a.isEmpty() ? s == 0 : a.contains(s))) {
                    others.add(s);
                }
            }
            if (a.isEmpty()) {
                a = List.of(0);
            }
            b = others;
        }
        return new Fault.Partition(List.copyOf(a), List.copyOf(b), d.drawBoolean(), at(d), duration(d));
    }

    static Gen<Fault> faults(int servers) {
        Gen<Fault> crash = d -> new Fault.Crash(d.drawInt(0, servers - 1), at(d), duration(d));
        Gen<Fault> partition = d -> partition(d, servers);
        Gen<Fault> pause = d -> new Fault.Pause(d.drawInt(0, servers - 1), at(d), duration(d));
        Gen<Fault> lossy = d -> new Fault.Lossy(at(d), duration(d), Gens.doubles(0, 0.4).generate(d),
                Gens.doubles(0, 0.3).generate(d));
        Gen<Fault> transfer = d -> new Fault.Transfer(at(d));
        Gen<Fault> crashVoters = d -> new Fault.CrashVoters(at(d), duration(d), reaction(d), duration(d));
        Gen<Fault> crashLeaders = d -> new Fault.CrashLeaders(at(d), duration(d), reaction(d), duration(d));
        Gen<Fault> isolateLeaders = d -> new Fault.IsolateLeaders(at(d), duration(d), reaction(d), duration(d));
        return Gens.oneOfGens(crash, partition, pause, lossy, transfer, crashVoters, crashLeaders, isolateLeaders);
    }

    static Gen<List<Fault>> schedules(int servers, int maxFaults) {
        return Gens.lists(faults(servers), 0, maxFaults);
    }

    /**
     * An election storm: one to three nemeses active for the whole fault phase (crash voters just
     * after they vote, crash or isolate leaders just after they win), plus up to three ordinary
     * faults. Outages are drawn from a few lengths, shortest first, since the dangerous ones are
     * the restarts that come back while an election is still running.
     */
    static Gen<List<Fault>> storms(int servers) {
        long whole = (HORIZON_UNITS + MAX_DURATION_UNITS) * 1000L;
        Gen<Long> outage = Gens.elements(List.of(0L, 20L, 100L, 500L, 2000L));
        Gen<Fault> crashVoters = d -> new Fault.CrashVoters(0, whole, reaction(d), outage.generate(d));
        Gen<Fault> isolateLeaders = d -> new Fault.IsolateLeaders(0, whole, reaction(d), outage.generate(d));
        Gen<Fault> crashLeaders = d -> new Fault.CrashLeaders(0, whole, reaction(d), outage.generate(d));
        Gen<List<Fault>> nemeses = Gens.lists(Gens.oneOfGens(crashVoters, isolateLeaders, crashLeaders), 1, 3);
        Gen<List<Fault>> others = Gens.lists(faults(servers), 0, 3);
        return d -> {
            List<Fault> all = new ArrayList<>(nemeses.generate(d));
            all.addAll(others.generate(d));
            return List.copyOf(all);
        };
    }
}
