package io.clustersim.model.structs;

import java.util.Objects;

/**
 * An ACL policy (nomad {@code structs.ACLPolicy}), one of the objects the authoritative region
 * owns and the others replicate.
 *
 * @param createdAtNanos when the authoritative region's leader accepted the write (virtual time),
 *     so a replica can tell how far behind it is
 */
public record AclPolicy(String name, String rules, long createdAtNanos) {
    public AclPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rules, "rules");
    }

    public int sizeBytes() {
        return 64 + name.length() + rules.length();
    }
}
