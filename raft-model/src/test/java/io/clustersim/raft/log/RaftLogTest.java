package io.clustersim.raft.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RaftLogTest {
    static LogEntry e(long index, long term) {
        return new LogEntry(index, term, new EntryPayload.NoOp());
    }

    static RaftLog logOf(long... terms) {
        RaftLog log = new RaftLog();
        for (int i = 0; i < terms.length; i++) {
            log.append(e(i + 1, terms[i]));
        }
        return log;
    }

    @Test
    void when_empty_then_indexZeroHasTermZeroAndNothingElseIsKnown() {
        RaftLog log = new RaftLog();
        assertThat(log.lastIndex()).isZero();
        assertThat(log.termAt(0)).isZero();
        assertThat(log.termAt(1)).isEqualTo(RaftLog.UNKNOWN);
    }

    @Test
    void when_appendingOutOfOrder_then_itIsRefused() {
        RaftLog log = logOf(1);
        assertThatThrownBy(() -> log.append(e(3, 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void when_truncated_then_laterEntriesAreGoneAndDigestsFollowTheNewSuffix() {
        RaftLog a = logOf(1, 1, 2, 2);
        RaftLog b = logOf(1, 1, 3);
        assertThat(a.prefixDigest(2)).isEqualTo(b.prefixDigest(2));
        assertThat(a.prefixDigest(3)).isNotEqualTo(b.prefixDigest(3));
        a.truncateFrom(3);
        a.append(e(3, 3));
        assertThat(a.lastIndex()).isEqualTo(3);
        assertThat(a.prefixDigest(3)).isEqualTo(b.prefixDigest(3));
    }

    @Test
    void when_sameEntryFollowsDifferentPrefixes_then_digestsDiffer() {
        // What lets the checker see a log-matching violation from one index alone.
        RaftLog a = logOf(1, 2, 4);
        RaftLog b = logOf(1, 3, 4);
        assertThat(a.termAt(3)).isEqualTo(b.termAt(3));
        assertThat(a.prefixDigest(3)).isNotEqualTo(b.prefixDigest(3));
    }

    @Test
    void when_compacted_then_baseKeepsTermAndDigestAndEntriesBeforeItAreGone() {
        RaftLog log = logOf(1, 1, 2, 2, 3);
        long digest = log.prefixDigest(3);
        log.compactThrough(3);
        assertThat(log.baseIndex()).isEqualTo(3);
        assertThat(log.termAt(3)).isEqualTo(2);
        assertThat(log.prefixDigest(3)).isEqualTo(digest);
        assertThat(log.entry(2)).isNull();
        assertThat(log.termAt(2)).isEqualTo(RaftLog.UNKNOWN);
        assertThat(log.slice(1, 5, 10)).extracting(LogEntry::index).containsExactly(4L, 5L);
        assertThatThrownBy(() -> log.truncateFrom(3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void when_compactingManyEntries_then_storageIsTrimmedAndLookupsStayCorrect() {
        RaftLog log = new RaftLog();
        for (int i = 1; i <= 5000; i++) {
            log.append(e(i, 1 + i / 1000));
        }
        log.compactThrough(4000);
        assertThat(log.size()).isEqualTo(1000);
        assertThat(log.termAt(4500)).isEqualTo(5);
        log.append(e(5001, 6));
        assertThat(log.copy().prefixDigest(5001)).isEqualTo(log.prefixDigest(5001));
    }

    @Test
    void when_sliced_then_atMostMaxEntriesAreReturned() {
        RaftLog log = logOf(1, 1, 1, 1, 1, 1);
        assertThat(log.slice(2, 6, 3)).extracting(LogEntry::index).containsExactly(2L, 3L, 4L);
        assertThat(log.slice(7, 9, 3)).isEmpty();
    }
}
