package io.clustersim.gossip.message;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Serf tags (memberlist node meta). Nomad servers tag themselves with role, region, dc and more
 * (reference section 2.1); the model finds servers by these.
 */
public final class Tags {
    public static final String ROLE = "role";
    public static final String REGION = "region";
    public static final String DATACENTER = "dc";
    public static final String ZONE = "zone";
    /** The role value Nomad servers advertise. */
    public static final String ROLE_NOMAD_SERVER = "nomad";

    private Tags() {}

    /** An unmodifiable copy in key order, safe to iterate deterministically. */
    public static SortedMap<String, String> copyOf(Map<String, String> tags) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    /** Rough encoded size: keys, values and a few bytes of framing each. */
    public static int sizeBytes(Map<String, String> tags) {
        int n = 2;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            n += e.getKey().length() + e.getValue().length() + 4;
        }
        return n;
    }
}
