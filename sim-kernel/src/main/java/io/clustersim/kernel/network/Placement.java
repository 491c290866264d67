package io.clustersim.kernel.network;

/** Where a node runs. In Nomad's reference architecture an availability zone is a datacenter. */
public record Placement(String region, String datacenter, String zone) {
    public LinkClass linkClassTo(Placement other) {
        if (!region.equals(other.region)) {
            return LinkClass.CROSS_REGION;
        }
        if (!zone.equals(other.zone) || !datacenter.equals(other.datacenter)) {
            return LinkClass.CROSS_ZONE;
        }
        return LinkClass.SAME_ZONE;
    }

    /** Whether {@code place} names this placement's zone, datacenter or region. */
    public boolean isIn(String place) {
        return place.equals(zone) || place.equals(datacenter) || place.equals(region);
    }

    @Override
    public String toString() {
        return region + "/" + datacenter + "/" + zone;
    }
}
