package io.clustersim.kernel.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(UniformRandomProvider rng, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextLong();
        }
        return out;
    }

    @Test
    void when_samePathFromSameSeed_then_sequencesAreIdentical() {
        long[] a = draw(RandomStreams.root(42).stream("server-2/raft").rng(), 100);
        long[] b = draw(RandomStreams.root(42).stream("server-2/raft").rng(), 100);

        assertThat(a).isEqualTo(b);
    }

    @Test
    void when_rngCalledAgainOnOneStream_then_itStartsOverAtTheSamePoint() {
        RandomStreams s = RandomStreams.root(42).stream("server-2/raft");

        assertThat(draw(s.rng(), 10)).isEqualTo(draw(s.rng(), 10));
    }

    @Test
    void when_pathsDiffer_then_sequencesDiffer() {
        RandomStreams root = RandomStreams.root(42);
        Set<Long> firstDraws = new HashSet<>();
        String[] paths = {"server-1", "server-2", "server-1/raft", "server-2/raft", "raft/server-2", "net/a/b", "net/b/a"};
        for (String p : paths) {
            firstDraws.add(root.stream(p).rng().nextLong());
        }

        assertThat(firstDraws).hasSize(paths.length);
    }

    @Test
    void when_seedsDiffer_then_samePathGivesDifferentSequences() {
        assertThat(draw(RandomStreams.root(1).stream("x").rng(), 5))
                .isNotEqualTo(draw(RandomStreams.root(2).stream("x").rng(), 5));
    }

    @Test
    void when_otherStreamsAreCreatedAndDrawnFrom_then_aStreamsSequenceIsUnchanged() {
        long[] alone = draw(RandomStreams.root(7).stream("server-2/raft").rng(), 50);

        RandomStreams root = RandomStreams.root(7);
        UniformRandomProvider raft = root.stream("server-2").stream("raft").rng();
        long[] interleaved = new long[50];
        for (int i = 0; i < 50; i++) {
            // A new node joins and every other stream draws in between.
            draw(root.stream("server-4").rng(), 3);
            draw(root.stream("server-2/gossip").rng(), 3);
            draw(root.stream("server-" + i).stream("raft").rng(), 1);
            interleaved[i] = raft.nextLong();
        }

        assertThat(interleaved).isEqualTo(alone);
    }

    @Test
    void when_streamsNestedOneLevelAtATime_then_theyEqualTheSlashPath() {
        RandomStreams root = RandomStreams.root(42);
        RandomStreams nested = root.stream("a").stream("b");
        RandomStreams slashed = root.stream("a/b");

        assertThat(nested.seed()).isEqualTo(slashed.seed());
        assertThat(nested.path()).isEqualTo("a/b").isEqualTo(slashed.path());
        assertThat(draw(nested.rng(), 10)).isEqualTo(draw(slashed.rng(), 10));
    }

    @Test
    void when_streamNameHasAnEmptyPart_then_itIsRejected() {
        RandomStreams root = RandomStreams.root(42);

        assertThatThrownBy(() -> root.stream("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> root.stream("a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> root.stream("/a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_replicationSeedsDerived_then_replicationZeroIsTheSeedAndOthersAreDistinct() {
        Set<Long> seeds = new HashSet<>();
        for (int k = 0; k < 1_000; k++) {
            seeds.add(RandomStreams.replicationSeed(42, k));
        }

        assertThat(RandomStreams.replicationSeed(42, 0)).isEqualTo(42);
        assertThat(seeds).hasSize(1_000);
        assertThat(RandomStreams.replicationSeed(42, 3)).isEqualTo(RandomStreams.replicationSeed(42, 3));
    }

    @Test
    void when_drawingUniformDoubles_then_theyLookUniform() {
        // A coarse sanity check on the generator and seeding: decile counts of 100,000 draws.
        UniformRandomProvider rng = RandomStreams.root(3).stream("check").rng();
        int[] bins = new int[10];
        for (int i = 0; i < 100_000; i++) {
            bins[(int) (rng.nextDouble() * 10)]++;
        }
        for (int b : bins) {
            assertThat(b).isBetween(9_500, 10_500);
        }
    }
}
