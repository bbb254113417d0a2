package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.kpi.CycleSketch;
import io.pilotwatch.analytics.kpi.PlantCalendar;
import io.pilotwatch.analytics.kpi.Profile;
import io.pilotwatch.analytics.kpi.StateSpan;
import io.pilotwatch.analytics.kpi.StationRecord;
import io.pilotwatch.analytics.kpi.Totals;
import io.pilotwatch.analytics.store.StoreKeys;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.StationId;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Adds an accepted event to the day totals, the month's cycle sketch and the station's record. */
final class EventApplier {

    private final KeyValueStore<String, Totals> days;
    private final KeyValueStore<String, byte[]> sketches;
    private final KeyValueStore<String, StationRecord> stations;

    EventApplier(KeyValueStore<String, Totals> days, KeyValueStore<String, byte[]> sketches,
                 KeyValueStore<String, StationRecord> stations) {
        this.days = days;
        this.sketches = sketches;
        this.stations = stations;
    }

    /** @param openFromMillis the start of the plant's oldest open month: older state changes are pruned */
    void apply(TelemetryEvent event, PlantCalendar calendar, long openFromMillis) {
        StationId id = event.station();
        long ts = event.ts().toEpochMilli();
        Payload payload = event.payload();
        if (payload instanceof Payload.Unit unit) {
            applyUnit(id, unit, calendar);
        } else if (payload instanceof Payload.Cost cost) {
            updateDay(id, calendar.dateOf(ts), day -> day.addCost(cost.category(), cost.amount(), cost.energyKwh()));
        } else if (payload instanceof Payload.State state) {
            StationRecord station = station(id);
            for (StateSpan span : station.insertState(ts, state.state())) {
                for (PlantCalendar.DayShare share : calendar.split(span.fromMillis(), span.toMillis())) {
                    updateDay(id, share.date(), day -> day.addStateMillis(span.state(), span.sign() * share.millis()));
                }
            }
            station.pruneStatesBefore(openFromMillis);
            stations.put(StoreKeys.station(id.plant(), id.line(), id.station()), station);
        } else if (payload instanceof Payload.Profile profile) {
            StationRecord station = station(id);
            station.applyProfile(new Profile(ts, profile.keyProcess(), profile.cnc(),
                    profile.idealCycleSeconds().orElse(0.0)));
            stations.put(StoreKeys.station(id.plant(), id.line(), id.station()), station);
        }
    }

    private void applyUnit(StationId id, Payload.Unit unit, PlantCalendar calendar) {
        long completed = unit.completedAt().toEpochMilli();
        long cycle = completed - unit.startedAt().toEpochMilli();
        double ideal = idealSecondsPerUnit(id, completed);
        updateDay(id, calendar.dateOf(completed), day -> day.addUnit(unit.result(), cycle, ideal));
        String sketchKey = StoreKeys.month(id.plant(), id.line(), calendar.monthOf(completed));
        byte[] stored = sketches.get(sketchKey);
        CycleSketch sketch = stored == null ? new CycleSketch() : CycleSketch.fromBytes(stored);
        sketch.record(cycle);
        sketches.put(sketchKey, sketch.toBytes());
    }

    /** The line's summed ideal station cycles in force when the unit completed: OEE performance's numerator. */
    private double idealSecondsPerUnit(StationId id, long completedMillis) {
        double ideal = 0;
        String prefix = StoreKeys.stationsOf(id.plant(), id.line());
        try (KeyValueIterator<String, StationRecord> range = stations.range(prefix, prefix + StoreKeys.END)) {
            while (range.hasNext()) {
                KeyValue<String, StationRecord> entry = range.next();
                ideal += entry.value.profileBefore(completedMillis + 1).map(Profile::idealCycleSeconds).orElse(0.0);
            }
        }
        return ideal;
    }

    private StationRecord station(StationId id) {
        StationRecord station = stations.get(StoreKeys.station(id.plant(), id.line(), id.station()));
        return station == null ? new StationRecord() : station;
    }

    private void updateDay(StationId id, LocalDate date, Consumer<Totals> change) {
        String key = StoreKeys.day(id.plant(), id.line(), date);
        Totals day = days.get(key);
        if (day == null) {
            day = new Totals();
        }
        change.accept(day);
        days.put(key, day);
    }
}
