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

    @Override
    public String toString() {
        return region + "/" + datacenter + "/" + zone;
    }
}
