package io.clustersim.scenarios.schema;

import io.clustersim.model.probe.ProbeConfig;
import io.clustersim.model.probe.ProbeKind;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * Reads the {@code probes:} section: the API callers in every zone.
 * <pre>
 *   probes: { interval: 1s, timeout: 5s, kinds: [write, consistentRead, staleRead, aclWrite] }
 * </pre>
 * Defaults: every second, a 5 s timeout, a write, a consistent read and a stale read (aclWrite is
 * added when a region is authoritative).
 */
final class ProbesReader {
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> KEYS = List.of("interval", "timeout", "kinds");
    private ProbesReader() {}

    static ProbeConfig read(YamlNode node, ProbeConfig d) {
        YamlMap m = YamlMap.of(node, "probe settings such as { interval: 1s, timeout: 5s }")
                .allowOnly(KEYS);
        long interval = m.durationNanos("interval", "how often each probe calls", d.interval().toNanos());
        long timeout = m.durationNanos("timeout", "how long an answer may take", d.timeout().toNanos());
        if (interval <= 0) {
            throw InputError.at(m.require("interval", ""), "expected a probe interval greater than zero");
        }
        if (timeout <= 0) {
            throw InputError.at(m.require("timeout", ""), "expected a probe timeout greater than zero");
        }
        EnumSet<ProbeKind> kinds = EnumSet.noneOf(ProbeKind.class);
        if (m.has("kinds")) {
            for (YamlNode k : m.list("kinds", "probe kinds")) {
                String name = YamlMap.asString(k, "a probe kind");
                kinds.add(switch (name) {
                    case "write" -> ProbeKind.WRITE;
                    case "consistentRead" -> ProbeKind.CONSISTENT_READ;
                    case "staleRead" -> ProbeKind.STALE_READ;
                    case "aclWrite" -> ProbeKind.ACL_WRITE;
                    default -> throw InputError.at(k, "expected a probe kind: write, consistentRead, staleRead or aclWrite, got '"
                            + name + "'");
                });
            }
            if (kinds.isEmpty()) {
                throw InputError.at(m.require("kinds", ""), "expected at least one probe kind");
            }
        } else {
            kinds.addAll(d.kinds());
        }
        return new ProbeConfig(Duration.ofNanos(interval), Duration.ofNanos(timeout), kinds);
    }
}
