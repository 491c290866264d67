package io.clustersim.model.topology;

/** What a Nomad agent runs as. */
public enum Role {
    SERVER,
    CLIENT,
    /** A plain Serf pool member with no Nomad role (protocol studies). */
    SERF_MEMBER
}
