package io.pilotwatch.analytics.kpi;

import io.pilotwatch.analytics.store.KpiData;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sums the stored components of a scope over a window of plant-local days and turns them into
 * {@link Figures}. Plants are sums of their lines' components; nothing is an average of ratios.
 *
 * <p>A window is summed month by month, each month's slice being the sum of its lines' slices, always in that
 * order, so that figures come out the same to the last bit whether a slice was kept ({@link ClosedFigures}) or
 * read from the stores.
 */
public final class FiguresCalculator {

    private final KpiData data;
    private final ClosedFigures closed;

    /** A calculator that reads every slice from the stores. */
    public FiguresCalculator(KpiData data) {
        this(data, null);
    }

    /** @param closed where slices of closed months are kept between calculations; null to keep none */
    public FiguresCalculator(KpiData data, ClosedFigures closed) {
        this.data = data;
        this.closed = closed;
    }

    /** A whole calendar month, with its cycle sketch. */
    public Figures month(Scope scope, YearMonth month) {
        return compute(scope, month.atDay(1), month.atEndOfMonth());
    }

    /** A whole calendar year, with the merged sketch of its months. */
    public Figures year(Scope scope, int year) {
        return compute(scope, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Any run of days, both inclusive; its sketch merges whole months' sketches and the other days'. */
    public Figures days(Scope scope, LocalDate from, LocalDate to) {
        return compute(scope, from, to);
    }

    private Figures compute(Scope scope, LocalDate from, LocalDate to) {
        PlantCalendar calendar = scope.calendar();
        Map<String, Long> lineClocks = closed == null ? Map.of()
                : data.plant(scope.plant()).map(PlantRecord::lineClocks).orElse(Map.of());
        Totals totals = new Totals();
        SortedMap<LocalDate, DayOutput> byDay = new TreeMap<>();
        CycleSketch sketch = new CycleSketch();
        // No line has anything after the clock's day: every event moves its line's clock, the plant's is the latest.
        LocalDate last = calendar.dateOf(scope.clockMillis());
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)) && !m.atDay(1).isAfter(last);
             m = m.plusMonths(1)) {
            LocalDate sliceFrom = from.isAfter(m.atDay(1)) ? from : m.atDay(1);
            LocalDate sliceTo = to.isBefore(m.atEndOfMonth()) ? to : m.atEndOfMonth();
            if (!sliceFrom.isAfter(last)) {
                slice(scope, sliceFrom, sliceTo, lineClocks).addTo(totals, byDay, sketch);
            }
        }
        int key = 0;
        int cncKey = 0;
        // Profiles in force at the window's end, or now for a window that is not over.
        long cncAt = Math.min(calendar.startOf(to.plusDays(1)), scope.clockMillis() + 1);
        for (String line : scope.lines()) {
            for (StationRecord station : data.stations(scope.plant(), line).values()) {
                Optional<Profile> profile = station.profileBefore(cncAt);
                if (profile.isPresent() && profile.get().keyProcess()) {
                    key++;
                    cncKey += profile.get().cnc() ? 1 : 0;
                }
            }
        }
        return new Figures(totals, byDay, Optional.of(sketch), key, cncKey);
    }

    /** The scope's lines summed over days of one month: kept once the month has closed on every line's clock. */
    private MonthSlice slice(Scope scope, LocalDate from, LocalDate to, Map<String, Long> lineClocks) {
        if (scope.lines().size() == 1) {
            return lineSlice(scope, scope.lines().get(0), from, to, lineClocks);
        }
        boolean keep = closed != null && scope.lines().stream().allMatch(line -> closed(scope, line, to, lineClocks));
        ClosedFigures.Key key = new ClosedFigures.Key(scope.plant(), scope.lines(), from, to);
        Optional<MonthSlice> kept = keep ? closed.get(key) : Optional.empty();
        if (kept.isPresent()) {
            return kept.get();
        }
        List<MonthSlice> lines = new ArrayList<>();
        for (String line : scope.lines()) {
            lines.add(lineSlice(scope, line, from, to, lineClocks));
        }
        MonthSlice sum = MonthSlice.sum(lines);
        return keep ? closed.put(key, sum) : sum;
    }

    private MonthSlice lineSlice(Scope scope, String line, LocalDate from, LocalDate to, Map<String, Long> lineClocks) {
        boolean keep = closed != null && closed(scope, line, to, lineClocks);
        ClosedFigures.Key key = new ClosedFigures.Key(scope.plant(), List.of(line), from, to);
        Optional<MonthSlice> kept = keep ? closed.get(key) : Optional.empty();
        if (kept.isPresent()) {
            return kept.get();
        }
        MonthSlice slice = read(scope, line, from, to);
        return keep ? closed.put(key, slice) : slice;
    }

    private boolean closed(Scope scope, String line, LocalDate day, Map<String, Long> lineClocks) {
        Long clock = lineClocks.get(line);
        return clock != null && closed.isClosed(scope.calendar(), clock, day);
    }

    /** One line's slice from the stores: its day totals, its stations' open state time, its cycles. */
    private MonthSlice read(Scope scope, String line, LocalDate from, LocalDate to) {
        PlantCalendar calendar = scope.calendar();
        String plant = scope.plant();
        SortedMap<LocalDate, Totals> lineDays = data.days(plant, line, from, to);
        Totals totals = new Totals();
        SortedMap<LocalDate, DayOutput> days = new TreeMap<>();
        lineDays.forEach((date, day) -> {
            totals.merge(day);
            days.put(date, DayOutput.of(day));
        });
        long end = Math.min(calendar.startOf(to.plusDays(1)), scope.clockMillis());
        for (StationRecord station : data.stations(plant, line).values()) {
            addOpenState(station, totals, calendar.startOf(from), end);
        }
        YearMonth month = YearMonth.from(from);
        LocalDate last = calendar.dateOf(scope.clockMillis());
        CycleSketch sketch;
        if (from.equals(month.atDay(1)) && (to.equals(month.atEndOfMonth()) || !to.isBefore(last))) {
            // The month's sketch holds the same cycles as its days' up to the clock.
            sketch = data.sketch(plant, line, month).orElse(null);
        } else {
            sketch = new CycleSketch();
            // Only days that had units have a sketch.
            for (Map.Entry<LocalDate, Totals> day : lineDays.entrySet()) {
                if (day.getValue().cycleCount() > 0) {
                    data.daySketch(plant, line, day.getKey()).ifPresent(sketch::merge);
                }
            }
        }
        return new MonthSlice(totals, days, sketch);
    }

    /** The current state's time up to the clock: not in the stored totals until the next change comes. */
    private static void addOpenState(StationRecord station, Totals totals, long from, long to) {
        station.currentState().ifPresent(current -> {
            long start = Math.max(from, current.tsMillis());
            if (start < to) {
                totals.addStateMillis(current.state(), to - start);
            }
        });
    }
}
