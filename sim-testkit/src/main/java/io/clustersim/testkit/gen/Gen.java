package io.clustersim.testkit.gen;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: a pure function from choices to a value. It must take all its randomness from the
 * {@link Draws} (never from a PRNG of its own) so that replaying the choices replays the value,
 * and it should map choice 0 to its simplest value so that shrinking choices shrinks values.
 */
@FunctionalInterface
public interface Gen<T> {

    /** How many values {@link #filter} tries before discarding the whole try. */
    int MAX_FILTER_ATTEMPTS = 50;

    T generate(Draws draws);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return draws -> mapper.apply(generate(draws));
    }

    /** A generator whose shape depends on an earlier value, e.g. a list whose size was drawn. */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> next) {
        Objects.requireNonNull(next, "next");
        return draws -> next.apply(generate(draws)).generate(draws);
    }

    /**
     * Keeps only values matching {@code accept}. Retries a bounded number of times and then
     * throws {@link Draws.Reject}, which discards the try rather than failing it: a filter that
     * rarely matches is a generator problem, better fixed by generating valid values directly.
     */
    default Gen<T> filter(Predicate<? super T> accept) {
        Objects.requireNonNull(accept, "accept");
        return draws -> {
            for (int attempt = 0; attempt < MAX_FILTER_ATTEMPTS; attempt++) {
                T value = generate(draws);
                if (accept.test(value)) {
                    return value;
                }
            }
            throw new Draws.Reject("filter rejected " + MAX_FILTER_ATTEMPTS + " values in a row");
        };
    }
}
