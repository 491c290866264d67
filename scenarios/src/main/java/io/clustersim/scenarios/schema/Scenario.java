package io.clustersim.scenarios.schema;

import io.clustersim.faults.ScheduledFault;
import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.client.ClientSettings;
import io.clustersim.model.deployment.Deployment;
import io.clustersim.model.deployment.NomadDeployment;
import io.clustersim.model.deployment.SerfPoolDeployment;
import io.clustersim.model.probe.ProbeConfig;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.model.topology.Topology;
import io.clustersim.model.workload.Workload;
import io.clustersim.raft.config.RaftConfig;
import java.util.List;

/**
 * A validated scenario: everything a run needs besides the seed override.
 *
 * @param agentStartup how long a (re)started agent takes before it gossips and joins
 * @param clients how client agents are made (fingerprints, start-up)
 * @param workload the jobs the users register, update and submit
 * @param warmupNanos the start of the run left out of availability figures (cluster formation)
 * @param nomad the server agents' settings (Raft, gossip and Nomad's own)
 * @param warnings settings that work but go against Nomad's advice, printed before the run
 * @param expectations what the scenario promises beyond safety ({@code expect:})
 * @param replications how many seeded runs {@code clustersim run} makes of it ({@code replications:}, default 1)
 *
 * @param source the file it was read from, for messages
 */
public record Scenario(
        String name,
        String description,
        long seed,
        long durationNanos,
        Topology topology,
        NetworkConfig network,
        DiskConfig disk,
        RaftConfig raft,
        GossipConfig gossip,
        Distribution agentStartup,
        ClientSettings clients,
        Workload workload,
        List<ScheduledFault> failures,
        String source,
        long warmupNanos,
        NomadServerConfig nomad,
        ProbeConfig probes,
        List<String> warnings,
        Expectations expectations,
        int replications) {

    public Scenario {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1");
        }
    }

    /**
     * What the run deploys on its World: a plain Serf pool if the topology has only Serf members,
     * else Nomad's servers, probes and clients.
     */
    public Deployment deployment() {
        if (isSerfPool()) {
            return new SerfPoolDeployment(topology.placements(), gossip, agentStartup);
        }
        return new NomadDeployment(new NomadDeployment.Spec(topology, nomad, disk, probes, clients, workload));
    }

    /** A plain Serf pool: members with no Nomad role, only gossip runs. */
    public boolean isSerfPool() {
        return topology.totalSerfMembers() > 0;
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, durationNanos, topology, network, disk, raft, gossip, agentStartup, clients,
                workload, failures, source, warmupNanos, nomad, probes, warnings, expectations, replications);
    }

    /** The same scenario with another failure schedule (e.g. its own plus a nemesis's). */
    public Scenario withFailures(List<ScheduledFault> newFailures) {
        return new Scenario(name, description, seed, durationNanos, topology, network, disk, raft, gossip, agentStartup, clients,
                workload, newFailures, source, warmupNanos, nomad, probes, warnings, expectations, replications);
    }

    /**
     * The same scenario cut short at {@code nanos}: up to then it runs exactly as the whole one does
     * (nothing in a run depends on where it will end), e.g. to trace a window of it.
     */
    public Scenario withDuration(long nanos) {
        return new Scenario(name, description, seed, nanos, topology, network, disk, raft, gossip, agentStartup, clients,
                workload, failures, source, Math.min(warmupNanos, Math.max(0, nanos - 1)), nomad, probes, warnings, expectations,
                replications);
    }

    /** The same scenario run {@code n} times. */
    public Scenario withReplications(int n) {
        return new Scenario(name, description, seed, durationNanos, topology, network, disk, raft, gossip, agentStartup, clients,
                workload, failures, source, warmupNanos, nomad, probes, warnings, expectations, n);
    }

    /** The same scenario with other expectations. */
    public Scenario withExpectations(Expectations e) {
        return new Scenario(name, description, seed, durationNanos, topology, network, disk, raft, gossip, agentStartup, clients,
                workload, failures, source, warmupNanos, nomad, probes, warnings, e, replications);
    }
}
