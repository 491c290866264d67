package io.clustersim.model.server;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.config.SerfConfig;
import io.clustersim.model.server.heartbeat.HeartbeatSettings;
import io.clustersim.raft.config.InvalidSetting;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.config.TimingProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * A Nomad server agent's settings, with Nomad's defaults (nomad {@code nomad/config.go}
 * DefaultConfig, {@code command/agent/config.go}, {@code command/agent/agent.go}).
 *
 * @param raft Raft's settings; Nomad's own are {@link #raftTiming(int)} of its raft_multiplier
 * @param gossip the servers' Serf pool: memberlist's WAN profile with Nomad's Serf overrides
 * @param bootstrapExpect servers a region waits for before bootstrapping Raft; 0 means all of the
 *     region's servers
 * @param retryJoinInterval how often an agent retries joining through {@code server_join}
 * @param leaveOnTerminate whether SIGTERM makes the server leave gracefully (Nomad: false)
 * @param leaveOnInterrupt whether SIGINT does (Nomad: false)
 * @param rpcHoldTimeout how long a server holds a request while its region has no leader
 * @param reconcileInterval how often the leader reconciles Raft's peers with Serf's members
 * @param authoritativeRegion the region whose ACL objects others replicate; null without ACLs
 * @param stateBaseBytes state that exists beyond what the run writes (it sizes the snapshots)
 * @param agentStartup how long a restarted agent takes before it serves (loading its state)
 * @param heartbeat the client heartbeat settings and node GC
 */
public record NomadServerConfig(RaftConfig raft, GossipConfig gossip, int bootstrapExpect, Duration retryJoinInterval,
        boolean leaveOnTerminate, boolean leaveOnInterrupt, Duration rpcHoldTimeout, Duration reconcileInterval,
        AutopilotConfig autopilot, String authoritativeRegion, long stateBaseBytes,
        io.clustersim.kernel.random.Distribution agentStartup, HeartbeatSettings heartbeat,
        io.clustersim.model.capacity.ServerCapacity capacity) {

    /** nomad {@code command/agent/agent.go}: DefaultRaftMultiplier 1, MaxRaftMultiplier 10. */
    public static final int MAX_RAFT_MULTIPLIER = 10;

    public NomadServerConfig {
        Objects.requireNonNull(raft, "raft");
        Objects.requireNonNull(gossip, "gossip");
        Objects.requireNonNull(autopilot, "autopilot");
        Objects.requireNonNull(agentStartup, "agentStartup");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(capacity, "capacity");
        if (bootstrapExpect < 0) {
            throw new IllegalArgumentException("bootstrapExpect must not be negative");
        }
    }

    /** Nomad's defaults with {@code raft_multiplier} 1. */
    public static NomadServerConfig defaults() {
        return new NomadServerConfig(RaftConfig.of(raftTiming(1)), serverGossip(), 0, Duration.ofSeconds(30), false, false,
                Duration.ofSeconds(5), Duration.ofSeconds(60), AutopilotConfig.defaults(), null, 0,
                new io.clustersim.kernel.random.Distribution.Constant(0), HeartbeatSettings.defaults(),
                io.clustersim.model.capacity.ServerCapacity.UNMODELLED);
    }

    /**
     * Nomad's Raft timing for {@code raft_multiplier} m (1..10; 0 means 1): hashicorp/raft's
     * defaults (HeartbeatTimeout and ElectionTimeout 1 s, LeaderLeaseTimeout 500 ms, CommitTimeout
     * 50 ms) each multiplied by m (nomad {@code command/agent/agent.go} convertServerConfig), with
     * pre-vote on (raft v1.7).
     */
    public static TimingProfile.Hashicorp raftTiming(int raftMultiplier) {
        int m = raftMultiplier == 0 ? 1 : raftMultiplier;
        if (m < 1 || m > MAX_RAFT_MULTIPLIER) {
            throw new InvalidSetting("multiplier", "expected 1 to 10 (Nomad's raft_multiplier), got " + raftMultiplier);
        }
        long ms = 1_000_000L;
        return new TimingProfile.Hashicorp(1000 * ms * m, 1000 * ms * m, 500 * ms * m, 50 * ms * m, true);
    }

    /**
     * The Nomad servers' Serf pool (nomad {@code nomad/config.go} DefaultConfig and
     * {@code nomad/server.go} setupSerf): memberlist's WAN profile, Serf's defaults with a 72 h
     * reconnect timeout (LeavePropagateDelay 1 s is Serf's default already).
     */
    public static GossipConfig serverGossip() {
        return new GossipConfig("nomad-server", MemberlistConfig.wan(),
                SerfConfig.defaults().toBuilder().reconnectTimeout(Duration.ofHours(72)).build());
    }

    public NomadServerConfig withRaft(RaftConfig r) {
        return new NomadServerConfig(r, gossip, bootstrapExpect, retryJoinInterval, leaveOnTerminate, leaveOnInterrupt,
                rpcHoldTimeout, reconcileInterval, autopilot, authoritativeRegion, stateBaseBytes, agentStartup, heartbeat, capacity);
    }

    public NomadServerConfig withGossip(GossipConfig g) {
        return new NomadServerConfig(raft, g, bootstrapExpect, retryJoinInterval, leaveOnTerminate, leaveOnInterrupt,
                rpcHoldTimeout, reconcileInterval, autopilot, authoritativeRegion, stateBaseBytes, agentStartup, heartbeat, capacity);
    }

    public NomadServerConfig withAutopilot(AutopilotConfig a) {
        return new NomadServerConfig(raft, gossip, bootstrapExpect, retryJoinInterval, leaveOnTerminate, leaveOnInterrupt,
                rpcHoldTimeout, reconcileInterval, a, authoritativeRegion, stateBaseBytes, agentStartup, heartbeat, capacity);
    }

    public NomadServerConfig withBootstrapExpect(int n) {
        return new NomadServerConfig(raft, gossip, n, retryJoinInterval, leaveOnTerminate, leaveOnInterrupt,
                rpcHoldTimeout, reconcileInterval, autopilot, authoritativeRegion, stateBaseBytes, agentStartup, heartbeat, capacity);
    }

    public NomadServerConfig withLeave(boolean onTerminate, boolean onInterrupt) {
        return new NomadServerConfig(raft, gossip, bootstrapExpect, retryJoinInterval, onTerminate, onInterrupt,
                rpcHoldTimeout, reconcileInterval, autopilot, authoritativeRegion, stateBaseBytes, agentStartup, heartbeat, capacity);
    }

    public NomadServerConfig withAuthoritativeRegion(String region) {
        return new NomadServerConfig(raft, gossip, bootstrapExpect, retryJoinInterval, leaveOnTerminate, leaveOnInterrupt,
                rpcHoldTimeout, reconcileInterval, autopilot, region, stateBaseBytes, agentStartup, heartbeat, capacity);
    }

    public NomadServerConfig withTimes(Duration retryJoin, Duration rpcHold, Duration reconcile) {
        return new NomadServerConfig(raft, gossip, bootstrapExpect, retryJoin, leaveOnTerminate, leaveOnInterrupt, rpcHold,
                reconcile, autopilot, authoritativeRegion, stateBaseBytes, agentStartup, heartbeat, capacity);
    }

    public NomadServerConfig withState(long baseBytes, io.clustersim.kernel.random.Distribution startup) {
        return new NomadServerConfig(raft, gossip, bootstrapExpect, retryJoinInterval, leaveOnTerminate, leaveOnInterrupt,
                rpcHoldTimeout, reconcileInterval, autopilot, authoritativeRegion, baseBytes, startup, heartbeat, capacity);
    }

    public NomadServerConfig withHeartbeat(HeartbeatSettings h) {
        return new NomadServerConfig(raft, gossip, bootstrapExpect, retryJoinInterval, leaveOnTerminate, leaveOnInterrupt,
                rpcHoldTimeout, reconcileInterval, autopilot, authoritativeRegion, stateBaseBytes, agentStartup, h, capacity);
    }

    public NomadServerConfig withCapacity(io.clustersim.model.capacity.ServerCapacity c) {
        return new NomadServerConfig(raft, gossip, bootstrapExpect, retryJoinInterval, leaveOnTerminate, leaveOnInterrupt,
                rpcHoldTimeout, reconcileInterval, autopilot, authoritativeRegion, stateBaseBytes, agentStartup, heartbeat, c);
    }

    /** Whether ACL objects are replicated from an authoritative region. */
    public boolean replicatesAcls() {
        return authoritativeRegion != null;
    }
}
