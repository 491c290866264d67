package io.clustersim.testkit.property;

import io.clustersim.testkit.gen.Draws;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Shrinks a failing choice sequence: proposes simpler sequences, replays the property on each and
 * keeps any that still fails, until a full round of passes makes no progress or the run budget is
 * spent. Generators map smaller choices to simpler values, so nothing here knows about values.
 *
 * <p>It first tries the empty sequence (every draw at its minimum), which ends shrinking at once
 * when even that fails. Then passes, cheapest and most effective first (after Hypothesis's
 * shrinker):
 * <ol>
 *   <li>delete blocks of consecutive choices, which removes list elements, regions, zones;
 *   <li>set single choices to 0;
 *   <li>lower single choices by binary search (assumes failure is monotone in the choice, which
 *       is usual for thresholds like "sum >= 500", and is harmless when it is not);
 *   <li>move a choice's value onto a later one ({@code (a, b) -> (0, a + b)}): lexicographically
 *       simpler, and it turns two elements that fail together into one that fails alone, after
 *       which deleting the emptied element succeeds.
 * </ol>
 */
final class Shrinker {

    /**
     * Block sizes to delete. Powers of two as in Hypothesis, plus 3: a list element of two
     * choices plus its continue flag (a zone's servers and clients) is a common unit.
     */
    private static final int[] BLOCK_SIZES = {8, 4, 3, 2, 1};

    /** How far ahead pass 4 looks for a choice to move a value onto. */
    private static final int REDISTRIBUTE_WINDOW = 4;

    private final PropertyBody body;
    private final int maxRuns;
    private final Set<Key> tried = new HashSet<>();
    private int runs;
    private long[] best;
    private Draws bestDraws;
    private Throwable bestFailure;

    /** {@code failing} must be a replay of a failing sequence (so its choices are normalised). */
    Shrinker(PropertyBody body, int maxRuns, Draws failing, Throwable failure) {
        this.body = body;
        this.maxRuns = maxRuns;
        this.best = Choices.trim(failing.choices());
        this.bestDraws = failing;
        this.bestFailure = failure;
    }

    Counterexample shrink() {
        // The simplest case first: if the property fails even on no choices at all (every
        // draw at its minimum), nothing can be simpler, and shrinking costs one run, not hundreds.
        if (canRun() && tryCandidate(new long[0])) {
            return new Counterexample(bestDraws, bestFailure, runs);
        }
        boolean progress = true;
        while (progress && canRun()) {
            // Non-short-circuit "|": every pass runs in every round.
            progress = deleteBlocks() | zeroChoices() | lowerChoices() | redistributePairs();
        }
        return new Counterexample(bestDraws, bestFailure, runs);
    }

    private boolean deleteBlocks() {
        boolean improved = false;
        for (int size : BLOCK_SIZES) {
            int from = 0;
            while (from + size <= best.length && canRun()) {
                if (tryCandidate(Choices.without(best, from, size))) {
                    improved = true; // the next block has moved to "from": try it there
                } else {
                    from++;
                }
            }
        }
        return improved;
    }

    private boolean zeroChoices() {
        boolean improved = false;
        for (int i = 0; i < best.length && canRun(); i++) {
            if (best[i] != 0 && tryCandidate(Choices.with(best, i, 0))) {
                improved = true;
            }
        }
        return improved;
    }

    private boolean lowerChoices() {
        boolean improved = false;
        for (int i = 0; i < best.length && canRun(); i++) {
            // Invariant: best[i] fails; search [low, best[i]) for a smaller value that fails.
            long low = 0;
            while (i < best.length && low < best[i] && canRun()) {
                long mid = low + (best[i] - low) / 2;
                if (tryCandidate(Choices.with(best, i, mid))) {
                    improved = true;
                } else {
                    low = mid + 1;
                }
            }
        }
        return improved;
    }

    private boolean redistributePairs() {
        boolean improved = false;
        for (int i = 0; i < best.length && canRun(); i++) {
            for (int j = i + 1; j <= i + REDISTRIBUTE_WINDOW && j < best.length && canRun(); j++) {
                long moved = best[i] + best[j];
                if (best[i] != 0 && moved >= 0 // skip on overflow
                        && tryCandidate(Choices.with(Choices.with(best, i, 0), j, moved))) {
                    improved = true;
                }
            }
        }
        return improved;
    }

    /** Replays {@code candidate} if it is new and simpler; keeps it if the property still fails. */
    private boolean tryCandidate(long[] candidate) {
        long[] trimmed = Choices.trim(candidate);
        if (!Choices.simpler(trimmed, best) || !tried.add(new Key(trimmed))) {
            return false;
        }
        runs++;
        Draws replay = Draws.replaying(trimmed);
        TryOutcome outcome = TryOutcome.run(body, replay);
        if (!(outcome instanceof TryOutcome.Failed failed)) {
            return false;
        }
        // What the run actually read: choices reduced to their bounds, unread ones dropped.
        long[] read = Choices.trim(replay.choices());
        if (!Choices.simpler(read, best)) {
            return false;
        }
        best = read;
        bestDraws = replay;
        bestFailure = failed.failure();
        return true;
    }

    private boolean canRun() {
        // Nothing is simpler than the empty sequence.
        return runs < maxRuns && best.length > 0;
    }

    /** Array identity for the set of tried candidates. */
    private record Key(long[] choices) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(choices, key.choices);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(choices);
        }

        @Override
        public String toString() {
            return Arrays.toString(choices);
        }
    }
}
