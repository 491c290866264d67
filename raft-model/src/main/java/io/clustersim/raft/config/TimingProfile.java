package io.clustersim.raft.config;

import java.time.Duration;

/** When servers suspect a dead leader, campaign, heartbeat and step down. */
public sealed interface TimingProfile permits TimingProfile.Hashicorp, TimingProfile.Etcd, TimingProfile.Custom {

    long MILLI = 1_000_000L;

    /** Whether candidates run a pre-vote round before incrementing their term (thesis, section 9.6). */
    boolean preVote();

    /** This profile with pre-vote switched on or off. */
    TimingProfile withPreVote(boolean preVote);

    /**
     * The shortest time after a leader's last contact in which a follower may start an election;
     * used by tests to derive liveness bounds.
     */
    long minElectionDelayNanos();

    /** An upper bound on one election attempt's detection plus round time (before a retry). */
    long maxElectionRoundNanos();

    /**
     * hashicorp/raft v1.7.3 as Nomad runs it (hashicorp/raft raft.go runFollower, runCandidate, runLeader, replication.go heartbeat):
     * <ul>
     *   <li>a follower re-checks every randomTimeout(HT) = [HT, 2HT) and becomes a candidate if
     *       it has had no successful contact for HT, so detection takes [HT, 3HT);
     *   <li>a candidate's election timer is randomTimeout(ET);
     *   <li>the leader heartbeats each follower every [HT/10, HT/5), replicates idle followers
     *       every randomTimeout(CommitTimeout) and steps down if fewer than a quorum of voters were
     *       in contact within LeaderLeaseTimeout;
     *   <li>leader stickiness: votes and pre-votes are refused while a leader is known.
     * </ul>
     */
    record Hashicorp(long heartbeatTimeoutNanos, long electionTimeoutNanos, long leaderLeaseTimeoutNanos,
            long commitTimeoutNanos, boolean preVote) implements TimingProfile {
        public Hashicorp {
            // hashicorp/raft config.go ValidateConfig, named by the scenario keys.
            require(heartbeatTimeoutNanos >= 5 * MILLI, "heartbeatTimeout", "expected at least 5ms");
            require(electionTimeoutNanos >= 5 * MILLI, "electionTimeout", "expected at least 5ms");
            require(leaderLeaseTimeoutNanos >= 5 * MILLI, "leaderLeaseTimeout", "expected at least 5ms");
            require(commitTimeoutNanos >= MILLI, "commitTimeout", "expected at least 1ms");
            require(leaderLeaseTimeoutNanos <= heartbeatTimeoutNanos, "leaderLeaseTimeout",
                    "expected at most heartbeatTimeout (" + millis(heartbeatTimeoutNanos) + "), got " + millis(leaderLeaseTimeoutNanos));
            require(electionTimeoutNanos >= heartbeatTimeoutNanos, "electionTimeout",
                    "expected at least heartbeatTimeout (" + millis(heartbeatTimeoutNanos) + "), got " + millis(electionTimeoutNanos));
        }

        /**
         * All four timeouts at once (each {@code with...} method validates its result, so moving
         * several far in one direction is easiest here).
         */
        public static Hashicorp of(Duration heartbeatTimeout, Duration electionTimeout, Duration leaderLeaseTimeout,
                Duration commitTimeout, boolean preVote) {
            return new Hashicorp(heartbeatTimeout.toNanos(), electionTimeout.toNanos(), leaderLeaseTimeout.toNanos(),
                    commitTimeout.toNanos(), preVote);
        }

        /** DefaultConfig: HT 1s, ET 1s, lease 500ms, commit timeout 50ms, pre-vote on. */
        public static Hashicorp defaults() {
            return new Hashicorp(1000 * MILLI, 1000 * MILLI, 500 * MILLI, 50 * MILLI, true);
        }

        public Hashicorp withHeartbeatTimeout(Duration d) {
            return new Hashicorp(d.toNanos(), electionTimeoutNanos, leaderLeaseTimeoutNanos, commitTimeoutNanos, preVote);
        }

        public Hashicorp withElectionTimeout(Duration d) {
            return new Hashicorp(heartbeatTimeoutNanos, d.toNanos(), leaderLeaseTimeoutNanos, commitTimeoutNanos, preVote);
        }

        public Hashicorp withLeaderLeaseTimeout(Duration d) {
            return new Hashicorp(heartbeatTimeoutNanos, electionTimeoutNanos, d.toNanos(), commitTimeoutNanos, preVote);
        }

        public Hashicorp withCommitTimeout(Duration d) {
            return new Hashicorp(heartbeatTimeoutNanos, electionTimeoutNanos, leaderLeaseTimeoutNanos, d.toNanos(), preVote);
        }

        @Override
        public Hashicorp withPreVote(boolean on) {
            return new Hashicorp(heartbeatTimeoutNanos, electionTimeoutNanos, leaderLeaseTimeoutNanos, commitTimeoutNanos, on);
        }

        /** The leader's heartbeat period is randomTimeout(HT / 10) (replication.go heartbeat). */
        public long heartbeatIntervalNanos() {
            return heartbeatTimeoutNanos / 10;
        }

        @Override
        public long minElectionDelayNanos() {
            return heartbeatTimeoutNanos;
        }

        @Override
        public long maxElectionRoundNanos() {
            return 3 * heartbeatTimeoutNanos + 2 * electionTimeoutNanos;
        }
    }

    /**
     * etcd raft's tick-based timing, with etcd server's defaults: a 100ms tick, heartbeat every
     * tick, election timeout 10 ticks, randomised per term in [electionTick, 2 * electionTick),
     * and both PreVote and CheckQuorum on (etcd server sets them; the bare library defaults both
     * to off). With CheckQuorum a server that heard from a leader within electionTick ignores
     * votes (the leader lease), and a leader that did not hear from a quorum within electionTick
     * steps down.
     */
    record Etcd(long tickNanos, int heartbeatTick, int electionTick, boolean preVote, boolean checkQuorum)
            implements TimingProfile {
        public Etcd {
            // etcd-io/raft raft.go Config.validate, named by the scenario keys.
            require(tickNanos > 0, "tick", "expected a tick longer than zero");
            require(heartbeatTick > 0, "heartbeatTicks", "expected at least one tick between heartbeats");
            require(electionTick > heartbeatTick, "electionTicks",
                    "expected more than heartbeatTicks (" + heartbeatTick + "), got " + electionTick);
        }

        public static Etcd defaults() {
            return new Etcd(100 * MILLI, 1, 10, true, true);
        }

        public Etcd withTick(Duration d) {
            return new Etcd(d.toNanos(), heartbeatTick, electionTick, preVote, checkQuorum);
        }

        public Etcd withTicks(int heartbeat, int election) {
            return new Etcd(tickNanos, heartbeat, election, preVote, checkQuorum);
        }

        public Etcd withCheckQuorum(boolean on) {
            return new Etcd(tickNanos, heartbeatTick, electionTick, preVote, on);
        }

        @Override
        public Etcd withPreVote(boolean on) {
            return new Etcd(tickNanos, heartbeatTick, electionTick, on, checkQuorum);
        }

        @Override
        public long minElectionDelayNanos() {
            return (electionTick - 1) * tickNanos;
        }

        @Override
        public long maxElectionRoundNanos() {
            return 2L * electionTick * tickNanos + 2 * tickNanos;
        }
    }

    /**
     * The paper's form: a follower or candidate that hears nothing for a timeout drawn uniformly
     * from [min, max) campaigns (section 5.2, e.g. 150 to 300ms); the leader heartbeats every
     * {@code heartbeatIntervalNanos} with AppendEntries. With {@code checkQuorum}, a leader steps
     * down after a minimum election timeout without hearing from a quorum, and servers refuse
     * votes within a minimum election timeout of hearing from a leader (thesis, sections 6.2 and
     * 4.2.3). Both extras default to off, as in the paper.
     */
    record Custom(long electionTimeoutMinNanos, long electionTimeoutMaxNanos, long heartbeatIntervalNanos,
            boolean preVote, boolean checkQuorum) implements TimingProfile {
        public Custom {
            require(electionTimeoutMinNanos > 0 && electionTimeoutMaxNanos >= electionTimeoutMinNanos, "electionTimeout",
                    "expected 0 < min <= max, got [" + millis(electionTimeoutMinNanos) + ", " + millis(electionTimeoutMaxNanos) + "]");
            require(heartbeatIntervalNanos > 0, "heartbeatInterval", "expected a heartbeat interval longer than zero");
            // Followers must hear a heartbeat before their shortest timeout, or they campaign
            // against a live leader (paper, section 5.6: broadcastTime << electionTimeout).
            require(heartbeatIntervalNanos < electionTimeoutMinNanos, "heartbeatInterval",
                    "expected a heartbeat interval below the shortest election timeout (" + millis(electionTimeoutMinNanos)
                            + "), got " + millis(heartbeatIntervalNanos));
        }

        /** The paper's example: election timeout 150 to 300ms, heartbeat every 50ms. */
        public static Custom paper() {
            return new Custom(150 * MILLI, 300 * MILLI, 50 * MILLI, false, false);
        }

        public static Custom of(Duration electionMin, Duration electionMax, Duration heartbeat) {
            return new Custom(electionMin.toNanos(), electionMax.toNanos(), heartbeat.toNanos(), false, false);
        }

        public Custom withCheckQuorum(boolean on) {
            return new Custom(electionTimeoutMinNanos, electionTimeoutMaxNanos, heartbeatIntervalNanos, preVote, on);
        }

        @Override
        public Custom withPreVote(boolean on) {
            return new Custom(electionTimeoutMinNanos, electionTimeoutMaxNanos, heartbeatIntervalNanos, on, checkQuorum);
        }

        @Override
        public long minElectionDelayNanos() {
            return electionTimeoutMinNanos;
        }

        @Override
        public long maxElectionRoundNanos() {
            return 2 * electionTimeoutMaxNanos;
        }
    }

    private static void require(boolean ok, String key, String message) {
        if (!ok) {
            throw new InvalidSetting(key, message);
        }
    }

    private static String millis(long nanos) {
        return nanos % MILLI == 0 ? nanos / MILLI + "ms" : (nanos / 1e6) + "ms";
    }
}
