package io.pilotwatch.analytics.store;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.CycleSketch;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.kpi.StationRecord;
import io.pilotwatch.analytics.kpi.Totals;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** {@link KpiData} over key-value stores, read-write (in the processor) or read-only (interactive queries). */
public final class StoreKpiData implements KpiData {

    private final ReadOnlyKeyValueStore<String, PlantRecord> plants;
    private final ReadOnlyKeyValueStore<String, Totals> days;
    private final ReadOnlyKeyValueStore<String, CycleSketch> sketches;
    private final ReadOnlyKeyValueStore<String, StationRecord> stations;
    private final ReadOnlyKeyValueStore<String, Baseline> baselines;

    public StoreKpiData(ReadOnlyKeyValueStore<String, PlantRecord> plants, ReadOnlyKeyValueStore<String, Totals> days,
                        ReadOnlyKeyValueStore<String, CycleSketch> sketches,
                        ReadOnlyKeyValueStore<String, StationRecord> stations,
                        ReadOnlyKeyValueStore<String, Baseline> baselines) {
        this.plants = plants;
        this.days = days;
        this.sketches = sketches;
        this.stations = stations;
        this.baselines = baselines;
    }

    @Override
    public List<String> plants() {
        List<String> names = new ArrayList<>();
        try (KeyValueIterator<String, PlantRecord> all = plants.all()) {
            all.forEachRemaining(entry -> {
                if (!PlantRecord.UNKNOWN_PLANT.equals(entry.key) && entry.value.hasClock()) {
                    names.add(entry.key);
                }
            });
        }
        return names;
    }

    @Override
    public Optional<PlantRecord> plant(String plant) {
        return Optional.ofNullable(plants.get(plant));
    }

    @Override
    public SortedMap<LocalDate, Totals> days(String plant, String line, LocalDate from, LocalDate to) {
        SortedMap<LocalDate, Totals> result = new TreeMap<>();
        int dateStart = StoreKeys.stationsOf(plant, line).length();
        try (KeyValueIterator<String, Totals> range = days.range(StoreKeys.day(plant, line, from),
                StoreKeys.day(plant, line, to))) {
            while (range.hasNext()) {
                KeyValue<String, Totals> entry = range.next();
                result.put(LocalDate.parse(entry.key.substring(dateStart)), entry.value);
            }
        }
        return result;
    }

    @Override
    public Optional<CycleSketch> sketch(String plant, String line, YearMonth month) {
        return Optional.ofNullable(sketches.get(StoreKeys.month(plant, line, month)));
    }

    @Override
    public Optional<CycleSketch> daySketch(String plant, String line, LocalDate day) {
        return Optional.ofNullable(sketches.get(StoreKeys.day(plant, line, day)));
    }

    @Override
    public Map<String, StationRecord> stations(String plant, String line) {
        Map<String, StationRecord> result = new TreeMap<>();
        String prefix = StoreKeys.stationsOf(plant, line);
        try (KeyValueIterator<String, StationRecord> range = stations.range(prefix, prefix + StoreKeys.END)) {
            range.forEachRemaining(entry -> result.put(entry.key.substring(prefix.length()), entry.value));
        }
        return result;
    }

    @Override
    public Optional<Baseline> baseline(String plant, Kpi kpi) {
        return Optional.ofNullable(baselines.get(Baseline.key(plant, kpi)));
    }
}

