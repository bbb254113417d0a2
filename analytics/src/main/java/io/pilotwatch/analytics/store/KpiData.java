package io.pilotwatch.analytics.store;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.CycleSketch;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.kpi.StationRecord;
import io.pilotwatch.analytics.kpi.Totals;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Read access to the KPI state: the same for the stream processor (its own stores) and for the HTTP side
 * (interactive queries over this instance's tasks), so both compute the same figures. Returned values are
 * read-only: in the processor they are the live state (see {@code ObjectCacheStore}).
 */
public interface KpiData {

    /** The plants whose state this instance holds. */
    List<String> plants();

    Optional<PlantRecord> plant(String plant);

    /** The day totals of one line, {@code from} to {@code to} inclusive, by date. */
    SortedMap<LocalDate, Totals> days(String plant, String line, LocalDate from, LocalDate to);

    Optional<CycleSketch> sketch(String plant, String line, YearMonth month);

    /**
     * The line's cycle sketch of one plant-local day (for percentiles of windows that are not whole months).
     * The default has none: such windows then report no percentiles.
     */
    default Optional<CycleSketch> daySketch(String plant, String line, LocalDate day) {
        return Optional.empty();
    }

    /** The line's stations by id. */
    Map<String, StationRecord> stations(String plant, String line);

    Optional<Baseline> baseline(String plant, Kpi kpi);
}
