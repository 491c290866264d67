package io.clustersim.testkit.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates {@link TopologySpec}s from two nested {@link Gens#lists} (regions, then zones), so
 * deleting a region's or a zone's choices deletes that region or zone.
 *
 * <p>The very first zone draws its server count from {@code [1, max]} and every other zone from
 * {@code [0, max]}: that guarantees one server without a filter, and keeps the all-zero choice
 * sequence the simplest valid topology (one region, one zone, one server, no clients).
 */
final class TopologyGen implements Gen<TopologySpec> {

    /** Zone names use one letter per zone, as cloud providers do (us-east-1a, ...). */
    private static final int MAX_ZONES_PER_REGION = 26;

    private final int maxRegions;
    private final int maxZonesPerRegion;
    private final int maxServersPerZone;
    private final int maxClientsPerZone;

    TopologyGen(int maxRegions, int maxZonesPerRegion, int maxServersPerZone, int maxClientsPerZone) {
        if (maxRegions < 1 || maxZonesPerRegion < 1 || maxZonesPerRegion > MAX_ZONES_PER_REGION
                || maxServersPerZone < 1 || maxClientsPerZone < 0) {
            throw new IllegalArgumentException(String.format(
                    "need maxRegions >= 1, 1 <= maxZonesPerRegion <= %d, maxServersPerZone >= 1,"
                            + " maxClientsPerZone >= 0; got %d, %d, %d, %d",
                    MAX_ZONES_PER_REGION, maxRegions, maxZonesPerRegion, maxServersPerZone,
                    maxClientsPerZone));
        }
        this.maxRegions = maxRegions;
        this.maxZonesPerRegion = maxZonesPerRegion;
        this.maxServersPerZone = maxServersPerZone;
        this.maxClientsPerZone = maxClientsPerZone;
    }

    @Override
    public TopologySpec generate(Draws draws) {
        List<List<int[]>> counts = new ArrayList<>();
        counts.add(zones(1).generate(draws));
        counts.addAll(Gens.lists(zones(0), 0, maxRegions - 1).generate(draws));

        List<TopologySpec.Region> regions = new ArrayList<>();
        for (int r = 0; r < counts.size(); r++) {
            String regionName = "r" + (r + 1);
            List<TopologySpec.Zone> zones = new ArrayList<>();
            for (int z = 0; z < counts.get(r).size(); z++) {
                int[] zone = counts.get(r).get(z);
                zones.add(new TopologySpec.Zone(regionName + "-" + (char) ('a' + z), zone[0], zone[1]));
            }
            regions.add(new TopologySpec.Region(regionName, zones));
        }
        return new TopologySpec(regions);
    }

    /** One region's zones as {servers, clients} pairs; the first zone has >= firstZoneMinServers. */
    private Gen<List<int[]>> zones(int firstZoneMinServers) {
        Gen<List<int[]>> rest = Gens.lists(zone(0), 0, maxZonesPerRegion - 1);
        return draws -> {
            List<int[]> zones = new ArrayList<>();
            zones.add(zone(firstZoneMinServers).generate(draws));
            zones.addAll(rest.generate(draws));
            return zones;
        };
    }

    private Gen<int[]> zone(int minServers) {
        return draws -> new int[] {
            draws.drawInt(minServers, maxServersPerZone), draws.drawInt(0, maxClientsPerZone)};
    }
}
