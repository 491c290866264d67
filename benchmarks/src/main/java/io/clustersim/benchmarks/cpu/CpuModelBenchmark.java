package io.clustersim.benchmarks.cpu;

import io.clustersim.benchmarks.nomad.NomadDeploymentBenchmark;
import io.clustersim.model.capacity.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the CPU model costs when nothing costs anything: {@code region-3} of
 * {@link NomadDeploymentBenchmark} (three servers, twelve clients, probes every second, one
 * simulated hour) without a {@code capacity:} section and with one whose every cost is zero,
 * alternately, after warm-ups; the medians and their ratio. The two runs must have the same trace
 * hash: with every cost zero the model changes nothing. For scale, the same with the default
 * costs on small servers, where every message is a piece of work that completes as an event.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.cpu.CpuModelBenchmark [warmups] [runs]
 * </pre>
 */
public final class CpuModelBenchmark {
    private CpuModelBenchmark() {}

    static String zeroCosts() {
        // A class with no disk of its own keeps the scenario's: only the CPU model differs.
        StringBuilder sb = new StringBuilder("capacity:\n  instance: same\n  instances: { same: { cores: 4, memory: 16GB } }\n  costs:\n");
        for (Operation o : Operation.values()) {
            sb.append("    ").append(o.key()).append(": 0s\n");
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        NomadDeploymentBenchmark.Case plain = NomadDeploymentBenchmark.CASES.get(0);
        NomadDeploymentBenchmark.Case zero = new NomadDeploymentBenchmark.Case(plain.name() + "-zero-cost", plain.yaml() + zeroCosts());
        NomadDeploymentBenchmark.Case costed = new NomadDeploymentBenchmark.Case(plain.name() + "-default-costs",
                plain.yaml() + "capacity: { instance: small }\n");
        for (int i = 0; i < warmups; i++) {
            NomadDeploymentBenchmark.runOnce(plain);
            NomadDeploymentBenchmark.runOnce(zero);
            NomadDeploymentBenchmark.runOnce(costed);
        }
        List<Double> busy = new ArrayList<>();
        long plainEvents = 0;
        long costedEvents = 0;
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            NomadDeploymentBenchmark.Timing a = NomadDeploymentBenchmark.runOnce(plain);
            NomadDeploymentBenchmark.Timing b = NomadDeploymentBenchmark.runOnce(zero);
            if (!a.traceHash().equals(b.traceHash())) {
                throw new AssertionError("zero costs changed the run: " + a.traceHash() + " against " + b.traceHash());
            }
            without.add(a.wallSeconds());
            with.add(b.wallSeconds());
            NomadDeploymentBenchmark.Timing c = NomadDeploymentBenchmark.runOnce(costed);
            busy.add(c.wallSeconds());
            plainEvents = a.events();
            costedEvents = c.events();
        }
        double m0 = median(without);
        double m1 = median(with);
        System.out.printf(Locale.ROOT, "without a CPU model:   median %.3f s%n", m0);
        System.out.printf(Locale.ROOT, "every cost zero:       median %.3f s%n", m1);
        System.out.printf(Locale.ROOT, "speed with the model:  %.1f%% of without (trace hashes equal)%n", 100 * m0 / m1);
        System.out.printf(Locale.ROOT, "default costs, small:  median %.3f s, %,d events against %,d (each message's work completes as an event)%n",
                median(busy), costedEvents, plainEvents);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
