package io.clustersim.faults;

import io.clustersim.kernel.World;
import io.clustersim.kernel.node.Node;
import java.util.List;

/**
 * Turns a {@link Target} into nodes at the moment a fault fires. The domain model knows who leads;
 * the injector does not.
 */
@FunctionalInterface
public interface TargetResolver {
    List<Node> resolve(Target target);

    /**
     * Resolves the targets that name places ({@link Target.Node}, {@link Target.Zone}) from the
     * world alone; role targets (leader, follower) go to {@code roles}, which knows the protocol.
     */
    static TargetResolver of(World world, RoleDirectory roles) {
        return byPlace(world, target -> {
            if (target instanceof Target.Leader) {
                return roles.leaders(null);
            }
            // A follower: the first live non-leader of each region.
            java.util.List<Node> out = new java.util.ArrayList<>();
            java.util.Set<String> regions = new java.util.TreeSet<>();
            for (Node n : roles.followers(null)) {
                if (regions.add(n.placement().region())) {
                    out.add(n);
                }
            }
            return out;
        });
    }

    static TargetResolver byPlace(World world, TargetResolver roles) {
        return new TargetResolver() {
            @Override
            public List<Node> resolve(Target target) {
                if (target instanceof Target.ZoneOf z) {
                    java.util.Set<String> zones = new java.util.TreeSet<>();
                    for (Node n : resolve(z.role())) {
                        zones.add(n.placement().zone());
                    }
                    return world.nodes().stream().filter(node -> zones.contains(node.placement().zone())).toList();
                }
                return byPlaceOnly(world, roles, target);
            }
        };
    }

    private static List<Node> byPlaceOnly(World world, TargetResolver roles, Target target) {
        if (target instanceof Target.Node n) {
            return List.of(world.node(n.name()));
        } else if (target instanceof Target.Zone z) {
            return world.nodes().stream().filter(node -> node.placement().zone().equals(z.name())).toList();
        } else if (target instanceof Target.Datacenter d) {
            return world.nodes().stream().filter(node -> node.placement().datacenter().equals(d.name())).toList();
        } else if (target instanceof Target.Region r) {
            return world.nodes().stream().filter(node -> node.placement().region().equals(r.name())).toList();
        }
        return roles.resolve(target);
    }
}
