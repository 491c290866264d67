package io.clustersim.raft.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RaftLog;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.observe.Role;
import org.junit.jupiter.api.Test;

/** The checker itself: each invariant fires on a fabricated breach and stays quiet otherwise. */
class InvariantCheckerTest {
    static final NodeId A = new NodeId(1, "a");
    static final NodeId B = new NodeId(2, "b");
    static final NodeId C = new NodeId(3, "c");

    /** A view over a bare log. */
    record LogView(NodeId id, RaftLog log) implements RaftView {
        public Role role() {
            return Role.FOLLOWER;
        }

        public long currentTerm() {
            return log.lastTerm();
        }

        public NodeId leader() {
            return null;
        }

        public long commitIndex() {
            return 0;
        }

        public long lastApplied() {
            return 0;
        }

        public long lastLogIndex() {
            return log.lastIndex();
        }

        public long lastLogTerm() {
            return log.lastTerm();
        }

        public long snapshotIndex() {
            return 0;
        }

        public long termAt(long index) {
            return log.termAt(index);
        }

        public long prefixDigest(long index) {
            return log.prefixDigest(index);
        }

        public LogEntry entryAt(long index) {
            return log.entry(index);
        }

        public Configuration configuration() {
            return Configuration.EMPTY;
        }

        public boolean isVoter() {
            return true;
        }

        public long lastContactNanos() {
            return 0;
        }
    }

    static LogEntry write(long index, long term, String client, long seq) {
        return new LogEntry(index, term, new EntryPayload.Write(new RequestId(client, seq), new Command("k", "v", 1)));
    }

    static LogView view(NodeId id, LogEntry... entries) {
        RaftLog log = new RaftLog();
        for (LogEntry e : entries) {
            log.append(e);
        }
        return new LogView(id, log);
    }

    final InvariantChecker checker = new InvariantChecker(() -> 0);

    @Test
    void when_twoLeadersWinOneTerm_then_electionSafetyFails() {
        checker.leaderElected(A, 3, view(A));
        checker.leaderElected(A, 3, view(A));
        assertThatThrownBy(() -> checker.leaderElected(B, 3, view(B)))
                .isInstanceOfSatisfying(SafetyViolation.class, v -> assertThat(v.invariant()).isEqualTo(Invariant.ELECTION_SAFETY));
    }

    @Test
    void when_sameIndexAndTermFollowDifferentPrefixes_then_logMatchingFails() {
        LogView a = view(A, write(1, 1, "x", 1), write(2, 2, "x", 2));
        LogView b = view(B, write(1, 1, "y", 1), write(2, 2, "x", 2));
        checker.logAppended(A, 1, 2, a);
        assertThatThrownBy(() -> checker.logAppended(B, 1, 2, b))
                .isInstanceOfSatisfying(SafetyViolation.class, v -> assertThat(v.invariant()).isEqualTo(Invariant.LOG_MATCHING));
    }

    @Test
    void when_differentEntriesCommitAtOneIndex_then_stateMachineSafetyFails() {
        LogView a = view(A, write(1, 1, "x", 1));
        LogView b = view(B, write(1, 2, "y", 1));
        checker.entryCommitted(A, 1, a.entryAt(1), a.prefixDigest(1));
        checker.entryApplied(A, a.entryAt(1), a.prefixDigest(1));
        assertThatThrownBy(() -> checker.entryApplied(B, b.entryAt(1), b.prefixDigest(1)))
                .isInstanceOfSatisfying(SafetyViolation.class, v -> assertThat(v.invariant()).isEqualTo(Invariant.STATE_MACHINE_SAFETY));
    }

    @Test
    void when_newLeaderLacksCommittedEntry_then_leaderCompletenessFails() {
        LogView a = view(A, write(1, 1, "x", 1), write(2, 1, "x", 2));
        checker.entryCommitted(A, 1, a.entryAt(2), a.prefixDigest(2));
        assertThatThrownBy(() -> checker.leaderElected(B, 2, view(B, write(1, 1, "x", 1))))
                .isInstanceOfSatisfying(SafetyViolation.class, v -> assertThat(v.invariant()).isEqualTo(Invariant.LEADER_COMPLETENESS));
    }

    /**
     * The property binds leaders of later terms only. A candidate of term 4 whose votes were
     * granted before term 5's leader committed may win after that commit (its vote responses
     * held up by retransmissions) without the entry, and that is no breach.
     */
    @Test
    void when_anOlderTermsLeaderWinsAfterANewerTermCommitted_then_itNeedNotHoldThatEntry() {
        LogView a = view(A, write(1, 1, "x", 1), write(2, 5, "x", 2));
        checker.entryCommitted(A, 1, a.entryAt(1), a.prefixDigest(1));
        checker.entryCommitted(A, 5, a.entryAt(2), a.prefixDigest(2));
        checker.leaderElected(B, 4, view(B, write(1, 1, "x", 1)));
        assertThat(checker.violations()).isEmpty();
        assertThatThrownBy(() -> checker.leaderElected(C, 6, view(C, write(1, 1, "x", 1))))
                .isInstanceOfSatisfying(SafetyViolation.class, v -> assertThat(v.invariant()).isEqualTo(Invariant.LEADER_COMPLETENESS));
    }

    @Test
    void when_acknowledgedWriteIsReplaced_then_itCountsAsLostAndFails() {
        InvariantChecker counting = new InvariantChecker(() -> 0, false);
        LogView a = view(A, write(1, 1, "x", 1));
        counting.entryCommitted(A, 1, a.entryAt(1), a.prefixDigest(1));
        counting.clientWriteAcknowledged(A, new RequestId("x", 1), 1, 1);
        LogView b = view(B, write(1, 2, "y", 9));
        counting.entryApplied(B, b.entryAt(1), b.prefixDigest(1));
        assertThat(counting.committedWritesLost()).isEqualTo(1);
        assertThat(counting.violations()).extracting(SafetyViolation::invariant)
                .contains(Invariant.ACKNOWLEDGED_WRITE_LOST, Invariant.STATE_MACHINE_SAFETY);
    }

    @Test
    void when_everythingAgrees_then_nothingFails() {
        LogView a = view(A, write(1, 1, "x", 1), write(2, 2, "x", 2));
        LogView b = view(B, write(1, 1, "x", 1), write(2, 2, "x", 2));
        checker.logAppended(A, 1, 2, a);
        checker.logAppended(B, 1, 2, b);
        checker.entryCommitted(A, 2, a.entryAt(2), a.prefixDigest(2));
        checker.clientWriteAcknowledged(A, new RequestId("x", 2), 2, 2);
        checker.entryApplied(B, b.entryAt(2), b.prefixDigest(2));
        checker.leaderElected(B, 3, b);
        assertThat(checker.violations()).isEmpty();
    }
}
