package io.clustersim.reports.text;

import java.util.Locale;

/** How the human-read outputs (summary, Markdown, HTML) write a figure. */
public final class Figures {
    private Figures() {}

    /** A whole number as such, anything else to four decimals, no figure as {@code n/a}. */
    public static String plain(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
