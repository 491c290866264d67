package io.clustersim.model.capacity;

import io.clustersim.kernel.random.Distribution;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The CPU service time (nanoseconds, as distributions) of every {@link Operation} a server
 * performs. The defaults are assumptions to calibrate, not measurements: Nomad publishes no
 * per-operation CPU figures.
 */
public record OperationCosts(Map<Operation, Distribution> byOperation) {
    /** Nothing costs anything: the protocols as they are without a CPU model. */
    public static final OperationCosts ZERO = each(o -> 0);

    /** The documented defaults, each a constant. */
    public static final OperationCosts DEFAULTS = each(o -> o.defaultMicros() * 1000);

    public OperationCosts {
        EnumMap<Operation, Distribution> m = new EnumMap<>(Operation.class);
        m.putAll(byOperation);
        for (Operation o : Operation.values()) {
            Objects.requireNonNull(m.get(o), o.key());
        }
        byOperation = Collections.unmodifiableMap(m);
    }

    private static OperationCosts each(java.util.function.ToDoubleFunction<Operation> nanos) {
        Map<Operation, Distribution> m = new EnumMap<>(Operation.class);
        for (Operation o : Operation.values()) {
            m.put(o, new Distribution.Constant(nanos.applyAsDouble(o)));
        }
        return new OperationCosts(m);
    }

    public Distribution of(Operation o) {
        return byOperation.get(o);
    }

    /** These costs with {@code o}'s replaced. */
    public OperationCosts with(Operation o, Distribution d) {
        Map<Operation, Distribution> m = new EnumMap<>(byOperation);
        m.put(o, d);
        return new OperationCosts(m);
    }

    /** These costs with the operation {@code key} names replaced. */
    public OperationCosts with(String key, Distribution d) {
        return with(Operation.byKey(key), d);
    }
}
