package io.pilotwatch.analytics.kpi;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The additive figures of one scope over a run of days within one calendar month: what every window is summed
 * from, month by month. Not changed once made; a {@link #frozen} slice shares nothing with the state stores.
 */
final class MonthSlice {

    private final Totals totals;
    private final SortedMap<LocalDate, DayOutput> days;
    /** One of the two: a sketch (possibly a store's own object), or a frozen copy. */
    private final CycleSketch sketch;
    private final CycleSketch.Recorded recorded;

    /**
     * @param totals the summed components, open state time included
     * @param days   each day's cluster inputs
     * @param sketch the cycles, or null without any
     */
    MonthSlice(Totals totals, SortedMap<LocalDate, DayOutput> days, CycleSketch sketch) {
        this(totals, days, sketch, null);
    }

    private MonthSlice(Totals totals, SortedMap<LocalDate, DayOutput> days, CycleSketch sketch,
                       CycleSketch.Recorded recorded) {
        this.totals = totals;
        this.days = Collections.unmodifiableSortedMap(days);
        this.sketch = sketch;
        this.recorded = recorded;
    }

    /** The slices of several lines over the same days, summed in the given order. */
    static MonthSlice sum(List<MonthSlice> slices) {
        Totals totals = new Totals();
        SortedMap<LocalDate, DayOutput> days = new TreeMap<>();
        CycleSketch sketch = new CycleSketch();
        for (MonthSlice slice : slices) {
            slice.addTo(totals, days, sketch);
        }
        return new MonthSlice(totals, days, sketch);
    }

    /** Adds this slice into a window's sums. */
    void addTo(Totals windowTotals, SortedMap<LocalDate, DayOutput> windowDays, CycleSketch windowSketch) {
        windowTotals.merge(totals);
        for (Map.Entry<LocalDate, DayOutput> day : days.entrySet()) {
            windowDays.merge(day.getKey(), day.getValue(), DayOutput::plus);
        }
        if (sketch != null) {
            windowSketch.merge(sketch);
        } else if (recorded != null) {
            windowSketch.merge(recorded);
        }
    }

    /** A copy to keep: its sketch as a compact copy of the buckets that hold cycles. */
    MonthSlice frozen() {
        return sketch == null ? this : new MonthSlice(totals, days, null, sketch.recorded());
    }

    /** About the memory a frozen slice takes. */
    long bytes() {
        return 400 + 120L * days.size() + (recorded == null ? 0 : recorded.bytes());
    }
}
