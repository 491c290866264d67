package io.clustersim.testkit.property;

import io.clustersim.testkit.gen.Draws;
import java.util.regex.Pattern;

/**
 * Formats a property failure. Everything needed to act on it is in the message, because CI logs
 * are often all one has: which property, the seed, the minimal inputs, why it failed, and the
 * command that replays it (after TigerBeetle's VOPR, which prints how to reproduce).
 */
final class FailureReport {

    /** {@code Class#method}, for which a surefire {@code -Dtest} filter can be printed. */
    private static final Pattern TEST_METHOD = Pattern.compile("[\\w.$]+#\\w+");

    private static final String INDENT = "               ";

    private FailureReport() {
    }

    static String render(String property, long seed, String origin, int choicesBefore,
            Counterexample minimal, boolean reproducible) {
        StringBuilder out = new StringBuilder();
        out.append("Property failed: ").append(property).append('\n');
        out.append("  seed:        ").append(seed).append(" (").append(origin).append(")\n");
        out.append("  minimal case:\n");
        if (minimal.draws().labelledValues().isEmpty()) {
            out.append("    (no labelled values: use draws.draw(gen, \"label\") to list them here)\n");
        }
        for (Draws.Labelled value : minimal.draws().labelledValues()) {
            out.append("    ").append(indentLines(value.toString(), "      ")).append('\n');
        }
        out.append("  choices:     ").append(choicesBefore).append(" before shrinking, ")
                .append(minimal.draws().choiceCount()).append(" after (")
                .append(minimal.shrinkRuns()).append(" shrink runs)\n");
        if (!reproducible) {
            out.append("  note:        replaying the recorded choices passed: the property is\n")
                    .append(INDENT).append("nondeterministic (a clock, shared state, its own PRNG?),\n")
                    .append(INDENT).append("so this is the original failure, not shrunk\n");
        }
        out.append("  failure:     ").append(indentLines(String.valueOf(minimal.failure()), INDENT))
                .append('\n');
        out.append("Replay: -Dclustersim.seed=").append(seed);
        if (TEST_METHOD.matcher(property).matches()) {
            out.append("\n  mvn test -Dclustersim.seed=").append(seed)
                    .append(" -Dtest=").append(surefireFilter(property))
                    .append(" -Dsurefire.failIfNoSpecifiedTests=false");
        }
        return out.toString();
    }

    /** Surefire matches {@code -Dtest} on the class's simple name. */
    private static String surefireFilter(String property) {
        int hash = property.indexOf('#');
        String className = property.substring(0, hash);
        return className.substring(className.lastIndexOf('.') + 1) + property.substring(hash);
    }

    private static String indentLines(String text, String indent) {
        return text.strip().replace("\n", "\n" + indent);
    }
}
