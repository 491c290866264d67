package io.clustersim.model.structs;

import java.util.Objects;

/**
 * A placement constraint (nomad {@code structs.Constraint} with the {@code =} operand): the node's
 * attribute must equal the value. Attributes are the fingerprint's ({@code gpu}, ...) and
 * {@code node.class}, {@code node.pool}, {@code node.datacenter}, {@code node.zone}.
 */
public record Constraint(String attribute, String value) {
    public Constraint {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
    }

    public boolean satisfiedBy(Node node) {
        return value.equals(node.attribute(attribute));
    }
}
