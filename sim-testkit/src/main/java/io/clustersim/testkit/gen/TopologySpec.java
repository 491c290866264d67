package io.clustersim.testkit.gen;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A generated cluster layout: regions ({@code r1}, {@code r2}, ...) made of zones ({@code r1-a},
 * {@code r1-b}, ...), each zone with a number of servers and clients. Only counts and names: the
 * scenario under test decides what a server or client runs.
 */
public record TopologySpec(List<Region> regions) {

    public TopologySpec {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("a topology needs at least one region");
        }
    }

    /** A region and its zones, in name order. */
    public record Region(String name, List<Zone> zones) {
        public Region {
            Objects.requireNonNull(name, "name");
            zones = List.copyOf(zones);
            if (zones.isEmpty()) {
                throw new IllegalArgumentException("region " + name + " has no zones");
            }
        }
    }

    /** A zone (failure domain) with its server and client counts. */
    public record Zone(String name, int servers, int clients) {
        public Zone {
            Objects.requireNonNull(name, "name");
            if (servers < 0 || clients < 0) {
                throw new IllegalArgumentException("negative count in zone " + name);
            }
        }
    }

    public int totalServers() {
        return allZones().mapToInt(Zone::servers).sum();
    }

    public int totalClients() {
        return allZones().mapToInt(Zone::clients).sum();
    }

    public int zoneCount() {
        return (int) allZones().count();
    }

    private Stream<Zone> allZones() {
        return regions.stream().flatMap(region -> region.zones().stream());
    }
}
