package io.clustersim.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChoicesTest {

    @Test
    void when_trimmed_then_onlyTrailingZerosGo() {
        assertThat(Choices.trim(new long[] {0, 3, 0, 0})).containsExactly(0, 3);
        assertThat(Choices.trim(new long[] {0, 0})).isEmpty();
    }

    @Test
    void when_compared_then_shorterIsSimplerThenLexicographicallySmaller() {
        assertThat(Choices.simpler(new long[] {9}, new long[] {0, 0})).isTrue();
        assertThat(Choices.simpler(new long[] {1, 5}, new long[] {2, 0})).isTrue();
        assertThat(Choices.simpler(new long[] {2, 0}, new long[] {2, 0})).isFalse();
        assertThat(Choices.simpler(new long[] {0, 0}, new long[] {9})).isFalse();
    }

    @Test
    void when_editing_then_blocksAreRemovedAndValuesReplaced() {
        assertThat(Choices.without(new long[] {1, 2, 3, 4}, 1, 2)).containsExactly(1, 4);
        assertThat(Choices.with(new long[] {1, 2}, 0, 7)).containsExactly(7, 2);
    }
}
