package io.clustersim.model.server;

import io.clustersim.gossip.message.Tags;
import io.clustersim.kernel.network.Placement;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Serf tags a Nomad server advertises (nomad {@code nomad/server.go} setupSerf: role, region,
 * dc, expect, nonvoter, ...) and how other servers read them.
 */
public final class ServerTags {
    /** The role value Nomad servers advertise. */
    public static final String ROLE_NOMAD = "nomad";
    public static final String EXPECT = "expect";
    public static final String NON_VOTER = "nonvoter";

    private ServerTags() {}

    public static SortedMap<String, String> of(Placement place, int bootstrapExpect) {
        TreeMap<String, String> t = Tags.placed(ROLE_NOMAD, place);
        if (bootstrapExpect > 0) {
            t.put(EXPECT, Integer.toString(bootstrapExpect));
        }
        return t;
    }

    public static boolean isServer(Map<String, String> tags) {
        return ROLE_NOMAD.equals(tags.get(Tags.ROLE));
    }

    /** The Serf member name of a server: {@code <node>.<region>}, as Nomad names them. */
    public static String memberName(String node, String region) {
        return node + "." + region;
    }
}
