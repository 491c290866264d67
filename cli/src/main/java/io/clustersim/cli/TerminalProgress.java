package io.clustersim.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of many runs on stderr: a progress bar on a terminal (done, rate, time left), plain
 * lines at every tenth otherwise (a CI log), nothing when turned off. Wall-clock business only:
 * it never touches a simulation.
 */
final class TerminalProgress implements AutoCloseable {
    private final ProgressBar bar;
    private final PrintStream err;
    private final String what;
    private final long total;
    private final long start = System.nanoTime();
    private long lastTenth = -1;

    private TerminalProgress(ProgressBar bar, PrintStream err, String what, long total) {
        this.bar = bar;
        this.err = err;
        this.what = what;
        this.total = total;
    }

    /** {@code off}: print nothing. */
    static TerminalProgress of(String what, long total, boolean off) {
        if (off) {
            return new TerminalProgress(null, null, what, total);
        }
        if (System.console() != null) {
            return new TerminalProgress(new ProgressBarBuilder().setTaskName(what).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).showSpeed().build(),
                    null, what, total);
        }
        return new TerminalProgress(null, System.err, what, total);
    }

    synchronized void step(long done, String extra) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(extra);
        } else if (err != null) {
            long tenth = done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = seconds == 0 ? 0 : done / seconds;
                err.printf(Locale.ROOT, "  %d/%d %s%s, %.1f/s, about %.0f s left%n", done, total, what,
                        extra.isEmpty() ? "" : ", " + extra, rate, rate == 0 ? 0 : (total - done) / rate);
                err.flush();
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
