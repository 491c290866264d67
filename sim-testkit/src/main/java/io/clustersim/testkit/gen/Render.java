package io.clustersim.testkit.gen;

import java.util.Arrays;

/** Renders generated values for failure reports: arrays by content, huge values cut short. */
final class Render {

    /** Long enough for a topology or a list of a few hundred numbers, short enough for a log. */
    private static final int MAX_CHARS = 4000;

    private Render() {
    }

    static String value(Object value) {
        String text;
        if (value != null && value.getClass().isArray()) {
            // deepToString handles every primitive array type once the array is wrapped;
            // strip the wrapper's brackets.
            String wrapped = Arrays.deepToString(new Object[] {value});
            text = wrapped.substring(1, wrapped.length() - 1);
        } else {
            text = String.valueOf(value);
        }
        return text.length() <= MAX_CHARS
                ? text
                : text.substring(0, MAX_CHARS) + "... (" + text.length() + " chars)";
    }
}
