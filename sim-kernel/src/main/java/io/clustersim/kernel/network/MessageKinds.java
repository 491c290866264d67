package io.clustersim.kernel.network;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The message kinds a protocol's sealed message family defines, for validating message faults:
 * the simple names of every concrete type under the family's sealed interfaces, plus the finer
 * kinds the protocol declares (such as {@code AppendEntries:entries}).
 */
public final class MessageKinds {
    private MessageKinds() {}

    /** Every concrete message type's simple name under {@code family}, followed by {@code finer}. */
    public static SortedSet<String> of(Class<? extends Message> family, String... finer) {
        SortedSet<String> out = new TreeSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(family));
        while (!todo.isEmpty()) {
            Class<?> c = todo.remove(todo.size() - 1);
            if (c.isSealed()) {
                todo.addAll(List.of(c.getPermittedSubclasses()));
            } else if (!c.isInterface()) {
                out.add(c.getSimpleName());
            }
        }
        out.addAll(List.of(finer));
        return out;
    }
}
