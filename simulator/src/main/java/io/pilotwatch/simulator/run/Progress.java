package io.pilotwatch.simulator.run;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The backfill progress bar on stderr: simulated days done of the window, elapsed time and ETA (the
 * library's, from the progress so far), the simulated date and the publish rate of the last second.
 * Rendered by the library's own thread every half second.
 */
final class Progress implements AutoCloseable {

    /** Wide enough for bar, counts, ETA, date and rate; the library shortens it on a narrower terminal. */
    private static final int RENDERED_WIDTH = 110;

    private final DateTimeFormatter date;
    private final ProgressBar bar;
    private final long startMillis;
    private long lastNanos = System.nanoTime();
    private long lastMessages;
    private double rate;

    private Progress(ProgressBar bar, long startMillis, ZoneId zone) {
        this.bar = bar;
        this.startMillis = startMillis;
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
    }

    /**
     * A bar for the window, or an indefinite one when the window is unbounded.
     *
     * @param zone the zone in which to show the simulated date (the first plant's)
     */
    static Progress start(long startMillis, long endMillis, ZoneId zone) {
        long hours = endMillis == Long.MAX_VALUE ? -1 : Math.max(1, (endMillis - startMillis) / 3_600_000);
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("Backfill")
                .setInitialMax(hours)
                .setUnit(" days", 24)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, RENDERED_WIDTH))
                .build();
        return new Progress(bar, startMillis, zone);
    }

    /** Called now and then from the simulation thread. */
    void update(long simMillis, long messages) {
        long now = System.nanoTime();
        if (now - lastNanos >= 1_000_000_000L) {
            rate = (messages - lastMessages) * 1e9 / (now - lastNanos);
            lastNanos = now;
            lastMessages = messages;
        }
        bar.stepTo(Math.max(0, (simMillis - startMillis) / 3_600_000));
        bar.setExtraMessage(date.format(Instant.ofEpochMilli(simMillis)) + String.format(Locale.ROOT, " %,.0f msg/s", rate));
    }

    @Override
    public void close() {
        bar.close();
    }
}
