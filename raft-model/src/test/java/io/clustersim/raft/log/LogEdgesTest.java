package io.clustersim.raft.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.statemachine.StateSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The log's compaction and truncation edges (paper, sections 5.3 and 7) and the contracts of the
 * log's value types: sizes on the wire, validation, and content digests that tell different
 * content apart (the checker compares logs by them).
 */
class LogEdgesTest {
    static LogEntry noop(long index, long term) {
        return new LogEntry(index, term, new EntryPayload.NoOp());
    }

    static RaftLog log(int entries, long term) {
        RaftLog log = new RaftLog();
        for (int i = 1; i <= entries; i++) {
            log.append(noop(i, term));
        }
        return log;
    }

    // ---- RaftLog ---------------------------------------------------------------------------------

    @Test
    void when_anEntryIsAppended_then_theReturnedDigestIsItsPrefixDigest() {
        RaftLog l = log(2, 1);
        long d = l.append(noop(3, 2));
        assertThat(d).isEqualTo(l.prefixDigest(3)).isNotZero();
        assertThat(l.prefixDigest(4)).as("beyond the end").isZero();
    }

    @Test
    void when_entriesAreTruncated_then_theirDigestsAreGoneToo() {
        RaftLog l = log(5, 1);
        assertThat(l.prefixDigest(5)).isNotZero();
        l.truncateFrom(4);
        assertThat(l.prefixDigest(4)).isZero();
        assertThat(l.prefixDigest(5)).isZero();
        assertThat(l.prefixDigest(3)).isNotZero();
    }

    @Test
    void when_compacted_then_theBaseTakesTheLastCompactedEntrysPlaceAndItIsNoLongerHeld() {
        RaftLog l = log(6, 1);
        l.append(noop(7, 2));
        long digestAt4 = l.prefixDigest(4);
        l.compactThrough(4);

        assertThat(l.baseIndex()).isEqualTo(4);
        assertThat(l.baseTerm()).isEqualTo(1);
        assertThat(l.size()).isEqualTo(3);
        assertThat(l.firstIndex()).isEqualTo(5);
        assertThat(l.entry(4)).as("compacted").isNull();
        assertThat(l.entry(3)).isNull();
        assertThat(l.entry(5)).isEqualTo(noop(5, 1));
        assertThat(l.termAt(4)).isEqualTo(1);
        assertThat(l.termAt(3)).isEqualTo(RaftLog.UNKNOWN);
        assertThat(l.prefixDigest(4)).isEqualTo(digestAt4);
        assertThat(l.prefixDigest(3)).as("cannot tell below the base").isZero();
        assertThat(l.prefixDigest(7)).isNotZero();
        assertThat(l.lastTerm()).isEqualTo(2);
    }

    @Test
    void when_compactingAtOrBelowTheBase_then_nothingHappens_andBeyondTheEndItIsRefused() {
        RaftLog l = log(5, 1);
        l.resetTo(10, 3, 77);
        l.compactThrough(10);
        l.compactThrough(8);
        assertThat(l.baseIndex()).isEqualTo(10);
        assertThat(l.lastIndex()).isEqualTo(10);
        assertThatThrownBy(() -> l.compactThrough(11)).isInstanceOf(IllegalStateException.class);

        RaftLog m = log(5, 1);
        m.compactThrough(3);
        m.compactThrough(3);
        m.compactThrough(2);
        assertThat(m.baseIndex()).isEqualTo(3);
        assertThat(m.size()).isEqualTo(2);
    }

    @Test
    void when_thousandsOfEntriesAreCompacted_then_entriesDigestsAndAppendsAreUnaffected() {
        // RaftLog.compactThrough repacks its arrays after large compactions.
        RaftLog l = log(3000, 1);
        long digestAt2600 = l.prefixDigest(2600);
        long digestAt3000 = l.prefixDigest(3000);
        l.compactThrough(2500);
        assertThat(l.entry(2600)).isEqualTo(noop(2600, 1));
        assertThat(l.prefixDigest(2600)).isEqualTo(digestAt2600);
        assertThat(l.prefixDigest(3000)).isEqualTo(digestAt3000);
        l.compactThrough(2990);
        for (int i = 3001; i <= 3100; i++) {
            l.append(noop(i, 2));
        }
        assertThat(l.size()).isEqualTo(110);
        assertThat(l.prefixDigest(3000)).isEqualTo(digestAt3000);
        assertThat(l.slice(2995, 3005, 100)).extracting(LogEntry::index)
                .containsExactly(2995L, 2996L, 2997L, 2998L, 2999L, 3000L, 3001L, 3002L, 3003L, 3004L, 3005L);
        assertThat(l.copy().prefixDigest(3100)).isEqualTo(l.prefixDigest(3100));
    }

    @Test
    void when_slicing_then_theRangeIsClippedToWhatIsHeldAndToTheMaximum() {
        RaftLog l = log(10, 1);
        l.compactThrough(3);
        assertThat(l.slice(1, 6, 100)).extracting(LogEntry::index).containsExactly(4L, 5L, 6L);
        assertThat(l.slice(5, 20, 2)).extracting(LogEntry::index).containsExactly(5L, 6L);
        assertThat(l.slice(11, 20, 5)).isEmpty();
        assertThat(l.slice(8, 6, 5)).isEmpty();
    }

    @Test
    void when_truncatingBeyondTheEnd_then_nothingChanges_andAtTheBaseItIsRefused() {
        RaftLog l = log(5, 1);
        l.truncateFrom(9);
        assertThat(l.lastIndex()).isEqualTo(5);
        l.compactThrough(2);
        assertThatThrownBy(() -> l.truncateFrom(2)).isInstanceOf(IllegalStateException.class);
        l.truncateFrom(3);
        assertThat(l.lastIndex()).isEqualTo(2);
        assertThat(l.size()).isZero();
    }

    @Test
    void when_printed_then_theLogShowsItsBaseAndLastEntry() {
        RaftLog l = log(4, 2);
        l.compactThrough(1);
        assertThat(l).hasToString("RaftLog[base=1@2, last=4@2]");
    }

    // ---- value types --------------------------------------------------------------------------------

    @Test
    void when_entriesArePositioned_then_indexMustBePositiveAndTermNotNegative() {
        assertThatThrownBy(() -> noop(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> noop(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(noop(1, 0).index()).isEqualTo(1);
        assertThat(noop(3, 2)).hasToString("3@2:NoOp[]");
    }

    @Test
    void when_commandsAreMade_then_aNegativeSizeIsRefusedAndZeroAllowed() {
        assertThatThrownBy(() -> new Command("k", "v", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Command("k", "v", 0).sizeBytes()).isZero();
    }

    @Test
    void when_payloadsAreSized_then_eachAddsItsOwnFraming() {
        Command cmd = new Command("k", "v", 100);
        EntryPayload.Write write = new EntryPayload.Write(new RequestId("c", 1), cmd);
        Configuration three = Configuration.ofVoters(List.of(new NodeId(1, "s1"), new NodeId(2, "s2"), new NodeId(3, "s3")));
        assertThat(new EntryPayload.NoOp().sizeBytes()).isZero();
        assertThat(write.sizeBytes()).isEqualTo(116);
        assertThat(new EntryPayload.ConfigChange(three).sizeBytes()).isEqualTo(96);
        assertThat(new LogEntry(1, 1, write).sizeBytes()).isEqualTo(LogEntry.HEADER_BYTES + 116);
        StateSnapshot state = new StateSnapshot(Map.of(), 1000);
        Snapshot snap = new Snapshot(7, 2, 0, three, 1, state);
        assertThat(snap.sizeBytes()).isEqualTo(Snapshot.HEADER_BYTES + 1000);
        assertThat(snap).hasToString("Snapshot[7@2, 1000 B]");
    }

    @Test
    void when_contentDiffers_then_digestsDiffer() {
        Configuration three = Configuration.ofVoters(List.of(new NodeId(1, "s1"), new NodeId(2, "s2"), new NodeId(3, "s3")));
        Command a = new Command("k", "a", 10);
        Set<Long> digests = new HashSet<>(List.of(
                new EntryPayload.NoOp().digest(),
                new EntryPayload.Write(new RequestId("c", 1), a).digest(),
                new EntryPayload.Write(new RequestId("c", 2), a).digest(),
                new EntryPayload.Write(new RequestId("c", 1), new Command("k", "b", 10)).digest(),
                new EntryPayload.Write(new RequestId("c", 1), new Command("k", "a", 11)).digest(),
                new EntryPayload.Write(new RequestId("c", 1), new Command("j", "a", 10)).digest(),
                new EntryPayload.ConfigChange(three).digest(),
                new EntryPayload.ConfigChange(Configuration.ofVoters(List.of(new NodeId(1, "s1")))).digest()));
        assertThat(digests).hasSize(8);
        assertThat(a.digest()).isNotZero().isEqualTo(new Command("k", "a", 10).digest());
    }

    @Test
    void when_stringsOrValuesDiffer_then_theirDigestsDiffer() {
        // Digest.ofString is FNV-1a and Digest.mix SplitMix64's finaliser: no collisions on
        // short strings or on a run of consecutive values.
        Set<Long> strings = new HashSet<>();
        for (char c1 = 'a'; c1 <= 'z'; c1++) {
            strings.add(Digest.ofString(String.valueOf(c1)));
            for (char c2 = 'a'; c2 <= 'z'; c2++) {
                strings.add(Digest.ofString("" + c1 + c2));
            }
        }
        assertThat(strings).hasSize(26 + 26 * 26);
        Set<Long> byValue = new HashSet<>();
        Set<Long> byHash = new HashSet<>();
        for (long v = 0; v < 20_000; v++) {
            byValue.add(Digest.mix(12345, v));
            byHash.add(Digest.mix(v, 12345));
        }
        assertThat(byValue).hasSize(20_000);
        assertThat(byHash).hasSize(20_000);
    }

    @Test
    void when_requestIdsAreOrdered_then_byClientThenSequence() {
        RequestId a1 = new RequestId("a", 1);
        RequestId a2 = new RequestId("a", 2);
        RequestId b1 = new RequestId("b", 1);
        assertThat(List.of(b1, a2, a1).stream().sorted().toList()).containsExactly(a1, a2, b1);
        assertThat(a1.compareTo(new RequestId("a", 1))).isZero();
        assertThat(a2).hasToString("a#2");
    }
}
