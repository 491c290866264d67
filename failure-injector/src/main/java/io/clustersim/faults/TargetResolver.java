package io.clustersim.faults;

import io.clustersim.kernel.World;
import io.clustersim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Turns a {@link Target} into nodes at the moment a fault fires. Places (nodes, zones,
 * datacenters, regions) come from the world; roles (leader, follower, servers, clients) from the
 * deployment's {@link RoleDirectory}, which knows the protocol; random picks from the injector's
 * own stream ({@code faults/targets}), so they never shift a protocol's draws.
 */
@FunctionalInterface
public interface TargetResolver {
    List<Node> resolve(Target target);

    static TargetResolver of(World world, RoleDirectory roles) {
        UniformRandomProvider rng = world.streams().stream("faults").stream("targets").rng();
        return new TargetResolver() {
            @Override
            public List<Node> resolve(Target target) {
                if (target instanceof Target.ZoneOf z) {
                    Set<String> zones = new TreeSet<>();
                    for (Node n : resolve(z.role())) {
                        zones.add(n.placement().zone());
                    }
                    return world.nodes().stream().filter(node -> zones.contains(node.placement().zone())).toList();
                }
                if (target instanceof Target.Random r) {
                    List<Node> among = resolve(r.among());
                    return among.isEmpty() ? List.of() : List.of(among.get(rng.nextInt(among.size())));
                }
                if (target instanceof Target.Leader l) {
                    return roles.leaders(l.region());
                }
                if (target instanceof Target.Follower f) {
                    return firstPerRegion(roles.followers(f.region()));
                }
                if (target instanceof Target.Servers s) {
                    return roles.servers(s.region());
                }
                if (target instanceof Target.Clients c) {
                    return roles.clients(c.region());
                }
                return byPlace(world, target);
            }
        };
    }

    /** A follower: the first live non-leader of each region. */
    private static List<Node> firstPerRegion(List<Node> followers) {
        List<Node> out = new ArrayList<>();
        Set<String> regions = new TreeSet<>();
        for (Node n : followers) {
            if (regions.add(n.placement().region())) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<Node> byPlace(World world, Target target) {
        if (target instanceof Target.Node n) {
            return List.of(world.node(n.name()));
        } else if (target instanceof Target.Zone z) {
            return world.nodes().stream().filter(node -> node.placement().zone().equals(z.name())).toList();
        } else if (target instanceof Target.Datacenter d) {
            return world.nodes().stream().filter(node -> node.placement().datacenter().equals(d.name())).toList();
        } else if (target instanceof Target.Region r) {
            return world.nodes().stream().filter(node -> node.placement().region().equals(r.name())).toList();
        }
        throw new IllegalArgumentException("not a place: " + target);
    }
}
