package io.clustersim.testkit.property;

import io.clustersim.testkit.gen.Draws;

/** What one run of a property body on one choice sequence came to. */
sealed interface TryOutcome {

    record Passed() implements TryOutcome {
    }

    /** The inputs were rejected (a filter gave up, or an assumption did not hold). */
    record Discarded() implements TryOutcome {
    }

    record Failed(Throwable failure) implements TryOutcome {
    }

    /**
     * Runs {@code body} once. Any throwable fails the try, except a {@link Draws.Reject} and a
     * JUnit assumption failure, which discard it, and a VM error, which no retry can survive.
     */
    static TryOutcome run(PropertyBody body, Draws draws) {
        try {
            body.check(draws);
            return new Passed();
        } catch (Draws.Reject discarded) {
            return new Discarded();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable failure) {
            return isAssumption(failure) ? new Discarded() : new Failed(failure);
        }
    }

    /**
     * A JUnit (opentest4j) assumption failure, known by name: the testkit runs without JUnit on the
     * class path too (in {@code clustersim check}), and JUnit is its users' choice, not a dependency.
     */
    private static boolean isAssumption(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.opentest4j.TestAbortedException")) {
                return true;
            }
        }
        return false;
    }
}
