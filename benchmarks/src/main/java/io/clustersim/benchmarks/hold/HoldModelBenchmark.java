package io.clustersim.benchmarks.hold;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second of the HOLD model, one benchmark per event-set implementation; the
 * {@code pending} parameter of each state is N, the constant size of the pending set.
 *
 * <p>One operation is one event (pop, execute, insert one). An invocation runs a fixed batch of
 * {@value #BATCH} events against a pending set that persists across invocations and iterations,
 * so warm-up also brings the set to HOLD's steady-state shape. Five warm-up iterations, not
 * three: the two allocating baselines need about four for C2 to settle at N = 1,000, and at
 * N = 100,000 their speed moves with the GC cycle (a collection copies the event objects into heap
 * order and the next iterations run faster), which their JMH error bars show.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar HoldModel -f 1 -wi 5 -w 2s -i 5 -r 2s
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HoldModelBenchmark {
    static final int BATCH = 1_000_000;

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long kernel(KernelHold hold) {
        return hold.run(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double priorityQueue(PriorityQueueHold hold) {
        return hold.run(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double dsol(DsolHold hold) {
        return hold.run(BATCH);
    }
}
