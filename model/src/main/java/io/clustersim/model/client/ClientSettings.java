package io.clustersim.model.client;

import io.clustersim.kernel.random.Distribution;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How every client of a deployment is made: its fingerprint (a zone may have its own) and how
 * long a restarted agent takes to start.
 */
public record ClientSettings(Fingerprint fingerprint, Map<String, Fingerprint> byZone, Distribution agentStartup) {
    public ClientSettings {
        Objects.requireNonNull(fingerprint, "fingerprint");
        byZone = java.util.Collections.unmodifiableMap(new TreeMap<>(byZone));
        Objects.requireNonNull(agentStartup, "agentStartup");
    }

    public static ClientSettings defaults() {
        return new ClientSettings(Fingerprint.defaults(), new TreeMap<>(), new Distribution.Constant(0));
    }

    /** The fingerprint of a client in {@code zone}. */
    public Fingerprint fingerprintIn(String zone) {
        return byZone.getOrDefault(zone, fingerprint);
    }
}
