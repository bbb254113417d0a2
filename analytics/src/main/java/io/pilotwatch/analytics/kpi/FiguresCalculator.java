package io.pilotwatch.analytics.kpi;

import io.pilotwatch.analytics.stats.RatioInterval.Cluster;
import io.pilotwatch.analytics.store.KpiData;
import java.math.BigDecimal;
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
 */
public final class FiguresCalculator {

    private final KpiData data;

    public FiguresCalculator(KpiData data) {
        this.data = data;
    }

    /** A whole calendar month, with its cycle sketch. */
    public Figures month(Scope scope, YearMonth month) {
        return compute(scope, month.atDay(1), month.atEndOfMonth(), true);
    }

    /** A whole calendar year, with the merged sketch of its months. */
    public Figures year(Scope scope, int year) {
        return compute(scope, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), true);
    }

    /** Any run of days, both inclusive; its sketch merges whole months' sketches and the other days'. */
    public Figures days(Scope scope, LocalDate from, LocalDate to) {
        return compute(scope, from, to, false);
    }

    private Figures compute(Scope scope, LocalDate from, LocalDate to, boolean wholeMonths) {
        PlantCalendar calendar = scope.calendar();
        long windowStart = calendar.startOf(from);
        long windowEnd = calendar.startOf(to.plusDays(1));
        Totals totals = new Totals();
        SortedMap<LocalDate, Totals> byDay = new TreeMap<>();
        CycleSketch sketch = new CycleSketch();
        int key = 0;
        int cncKey = 0;
        // Profiles in force at the window's end, or now for a window that is not over.
        long cncAt = Math.min(windowEnd, scope.clockMillis() + 1);
        for (String line : scope.lines()) {
            SortedMap<LocalDate, Totals> lineDays = data.days(scope.plant(), line, from, to);
            lineDays.forEach((date, day) -> {
                totals.merge(day);
                byDay.computeIfAbsent(date, d -> new Totals()).merge(day);
            });
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                if (wholeMonths || (!m.atDay(1).isBefore(from) && !m.atEndOfMonth().isAfter(to))) {
                    data.sketch(scope.plant(), line, m).ifPresent(sketch::merge);
                } else {
                    // Only days that had units have a sketch.
                    for (Map.Entry<LocalDate, Totals> day : lineDays.subMap(m.atDay(1), m.atEndOfMonth().plusDays(1))
                            .entrySet()) {
                        if (day.getValue().cycleCount() > 0) {
                            data.daySketch(scope.plant(), line, day.getKey()).ifPresent(sketch::merge);
                        }
                    }
                }
            }
            for (StationRecord station : data.stations(scope.plant(), line).values()) {
                addOpenState(station, totals, windowStart, Math.min(windowEnd, scope.clockMillis()));
                Optional<Profile> profile = station.profileBefore(cncAt);
                if (profile.isPresent() && profile.get().keyProcess()) {
                    key++;
                    cncKey += profile.get().cnc() ? 1 : 0;
                }
            }
        }
        return new Figures(totals, clusters(byDay, false), clusters(byDay, true), Optional.of(sketch), key, cncKey);
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

    private static List<Cluster> clusters(Map<LocalDate, Totals> byDay, boolean energy) {
        List<Cluster> clusters = new ArrayList<>();
        for (Totals day : byDay.values()) {
            if (day.hasOutputOrCost()) {
                BigDecimal x = energy ? day.energyKwh() : day.totalCost();
                clusters.add(new Cluster(x.doubleValue(), day.goodUnits()));
            }
        }
        return clusters;
    }
}
