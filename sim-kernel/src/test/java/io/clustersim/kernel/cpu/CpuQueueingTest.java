package io.clustersim.kernel.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.random.Sampler;
import org.junit.jupiter.api.Test;

/**
 * The CPU model against queueing theory: Poisson arrivals served by one core with exponential
 * service (M/M/1), with constant service (M/D/1), and by four cores (M/M/c, Erlang C). Each
 * simulated mean response time and utilisation is within 5% of the formula.
 */
class CpuQueueingTest {
    private static final long MS = 1_000_000L;
    private static final int JOBS = 200_000;
    private static final Placement HERE = new Placement("r", "dc", "z");

    /** Arrivals at {@code lambda} per second, each a piece of work drawn from {@code service} (ns). */
    private static final class Arrivals implements Process {
        private final double perSecond;
        private final Distribution service;
        private NodeContext ctx;
        private Sampler gaps;
        private Sampler costs;
        private int submitted;
        long responseNanos;
        int completed;
        /** The CPU's utilisation when the last piece of work completed. */
        double utilisation;
        double offered;
        Cpu cpu;

        Arrivals(double perSecond, Distribution service) {
            this.perSecond = perSecond;
            this.service = service;
        }

        @Override
        public void start(NodeContext ctx) {
            this.ctx = ctx;
            this.gaps = new Distribution.Exponential(1e9 / perSecond).sampler(ctx.random("arrivals"));
            this.costs = service.sampler(ctx.random("service"));
            next();
        }

        private void next() {
            if (submitted++ == JOBS) {
                return;
            }
            ctx.setTimer("arrival", gaps.sampleNanos(), () -> {
                long at = ctx.now();
                ctx.compute(Math.max(1, costs.sampleNanos()), () -> {
                    responseNanos += ctx.now() - at;
                    if (++completed == JOBS) {
                        utilisation = cpu.utilisation();
                        offered = cpu.offeredLoad();
                    }
                });
                next();
            });
        }

        @Override
        public void onMessage(NodeId from, Message message) {}
    }

    private record Measured(double meanResponseSeconds, double utilisation, double cpuMeanResponse, double offered) {}

    private static Measured run(double lambda, Distribution service, int cores) {
        World world = new World(17, NetworkConfig.uniform(new Distribution.Constant(MS)));
        Arrivals arrivals = new Arrivals(lambda, service);
        Node n = world.addNode("server", HERE, DiskConfig.instant(), () -> arrivals);
        n.cpu().setCores(cores);
        arrivals.cpu = n.cpu();
        n.start();
        world.simulation().runUntil(Long.MAX_VALUE / 2);
        assertThat(arrivals.completed).isEqualTo(JOBS);
        return new Measured(arrivals.responseNanos / 1e9 / arrivals.completed, arrivals.utilisation, n.cpu().meanResponseSeconds(),
                arrivals.offered);
    }

    @Test
    void when_oneCoreServesExponentialWork_then_itMatchesMM1() {
        double lambda = 500;
        double mu = 1000; // 1 ms of work on average
        Measured m = run(lambda, new Distribution.Exponential(1e9 / mu), 1);
        double expected = 1 / (mu - lambda); // 2 ms
        assertThat(m.meanResponseSeconds()).isCloseTo(expected, within(0.05 * expected));
        assertThat(m.cpuMeanResponse()).isCloseTo(m.meanResponseSeconds(), within(1e-9));
        assertThat(m.utilisation()).isCloseTo(lambda / mu, within(0.05 * lambda / mu));
        // Below saturation every piece of work offered is served by the end: offered load equals utilisation.
        assertThat(m.offered()).isCloseTo(m.utilisation(), within(1e-9));
    }

    @Test
    void when_oneCoreServesConstantWork_then_itMatchesMD1() {
        double lambda = 500;
        double mu = 1000;
        double rho = lambda / mu;
        Measured m = run(lambda, new Distribution.Constant(1e9 / mu), 1);
        // Pollaczek-Khinchine with no service variance: Wq = rho / (2 mu (1 - rho)).
        double expected = rho / (2 * mu * (1 - rho)) + 1 / mu; // 1.5 ms
        assertThat(m.meanResponseSeconds()).isCloseTo(expected, within(0.05 * expected));
        assertThat(m.utilisation()).isCloseTo(rho, within(0.05 * rho));
    }

    @Test
    void when_fourCoresServeExponentialWork_then_itMatchesMMcErlangC() {
        int c = 4;
        double lambda = 3000;
        double mu = 1000;
        double a = lambda / mu; // offered load, in cores
        double rho = a / c;
        double term = Math.pow(a, c) / factorial(c) / (1 - rho);
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += Math.pow(a, k) / factorial(k);
        }
        double erlangC = term / (sum + term); // P(wait) = 0.509 for a = 3, c = 4
        double expected = erlangC / (c * mu - lambda) + 1 / mu;
        Measured m = run(lambda, new Distribution.Exponential(1e9 / mu), c);
        assertThat(m.meanResponseSeconds()).isCloseTo(expected, within(0.05 * expected));
        assertThat(m.utilisation()).isCloseTo(rho, within(0.05 * rho));
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
