/**
 * Generators for property tests and the choice sequence they read from.
 *
 * <p>Every generator is a function of a {@link io.clustersim.testkit.gen.Draws}: a stream of
 * bounded non-negative choices that is either drawn from a seeded PRNG (and recorded) or replayed
 * from a recorded sequence. Generators hold no randomness of their own. That is why shrinking can
 * live outside them: the harness simplifies the recorded sequence (shorter, smaller numbers) and
 * replays it, and because every generator maps choice 0 to its simplest value, a simpler sequence
 * yields a simpler input without any generator-specific shrink code. This is the "internal
 * shrinking" design of Hypothesis (MacIver and Donaldson, ECOOP 2020).
 */
package io.clustersim.testkit.gen;
