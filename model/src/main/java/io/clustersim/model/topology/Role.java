package io.clustersim.model.topology;

/** What a Nomad agent runs as. */
public enum Role {
    SERVER,
    CLIENT
}
