package io.pilotwatch.deploy.local;

import java.time.LocalDate;
import java.util.List;

/**
 * A part of the default scenario's history that the local stack publishes before going live. Three quarters are
 * enough for the scorecard's verdicts and take about 88,000 messages instead of the 1.37 million of 2015-2026:
 * the baseline is learned from the 2015 data there is (Q4), and each milestone is assessed over the 90 days
 * before its due date (docs/kpis.md). Each window runs a few days past its quarter so the due month closes on
 * the plants' clocks (48 h grace) without waiting for the next window.
 *
 * @param from  first day (plant-local midnight)
 * @param until end, exclusive
 * @param role  what the window is for, as printed
 */
record HistoryWindow(LocalDate from, LocalDate until, String role) {

    static final List<HistoryWindow> DEFAULT = List.of(
            new HistoryWindow(LocalDate.of(2015, 10, 1), LocalDate.of(2016, 1, 1), "2015 baseline"),
            new HistoryWindow(LocalDate.of(2020, 10, 1), LocalDate.of(2021, 1, 4), "2020 milestone"),
            new HistoryWindow(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 4), "2025 milestone"));

    /** A file-name friendly id, e.g. {@code 2015-10-01}. */
    String id() {
        return from.toString();
    }
}
