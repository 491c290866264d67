package io.clustersim.faults;

import io.clustersim.kernel.node.Node;
import java.util.List;

/**
 * Turns a {@link Target} into nodes at the moment a fault fires. The domain model knows who leads;
 * the injector does not.
 */
@FunctionalInterface
public interface TargetResolver {
    List<Node> resolve(Target target);
}
