package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.kpi.CycleSketch;
import io.pilotwatch.analytics.kpi.PlantCalendar;
import io.pilotwatch.analytics.kpi.Profile;
import io.pilotwatch.analytics.kpi.StateSpan;
import io.pilotwatch.analytics.kpi.StationRecord;
import io.pilotwatch.analytics.kpi.Totals;
import io.pilotwatch.analytics.store.StoreKeys;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Adds an accepted event to the day totals, the month's cycle sketch and the station's record. */
final class EventApplier {

    private final KeyValueStore<String, Totals> days;
    private final KeyValueStore<String, CycleSketch> sketches;
    private final KeyValueStore<String, StationRecord> stations;
    /** Per line: the summed ideal cycles and the completion times they hold for; dropped when a profile comes. */
    private final Map<String, IdealCycles> idealCycles = new HashMap<>();
    /** Per line: the store keys of the day it last had an event on, built once per day instead of per event. */
    private final Map<LineRef, DayKeys> dayKeys = new HashMap<>();

    private record LineRef(String plant, String line) {
    }

    /** The day totals' and the day sketch's key (they are the same), and the month sketch's. */
    private record DayKeys(LocalDate day, String dayKey, String monthKey) {
    }

    EventApplier(KeyValueStore<String, Totals> days, KeyValueStore<String, CycleSketch> sketches,
                 KeyValueStore<String, StationRecord> stations) {
        this.days = days;
        this.sketches = sketches;
        this.stations = stations;
    }

    /** @param openFromMillis the start of the plant's oldest open month: older state changes are pruned */
    void apply(KpiEvent event, PlantCalendar calendar, long openFromMillis) {
        long ts = event.tsMillis();
        KpiEvent.Fact fact = event.fact();
        if (fact instanceof KpiEvent.Unit unit) {
            applyUnit(event, unit, calendar);
        } else if (fact instanceof KpiEvent.Cost cost) {
            updateDay(event, calendar.dateOf(ts), day -> day.addCost(cost.category(), cost.amount(), cost.energyKwh()));
        } else if (fact instanceof KpiEvent.State state) {
            String key = StoreKeys.station(event.plant(), event.line(), event.station());
            StationRecord station = station(key);
            for (StateSpan span : station.insertState(ts, state.state())) {
                for (PlantCalendar.DayShare share : calendar.split(span.fromMillis(), span.toMillis())) {
                    updateDay(event, share.date(), day -> day.addStateMillis(span.state(), span.sign() * share.millis()));
                }
            }
            station.pruneStatesBefore(openFromMillis);
            stations.put(key, station);
        } else if (fact instanceof KpiEvent.Profile profile) {
            String key = StoreKeys.station(event.plant(), event.line(), event.station());
            StationRecord station = station(key);
            station.applyProfile(new Profile(ts, profile.keyProcess(), profile.cnc(), profile.idealCycleSeconds()));
            stations.put(key, station);
            idealCycles.remove(StoreKeys.stationsOf(event.plant(), event.line()));
        }
    }

    /** Whether the station already has exactly this profile at its time: a retained copy published again. */
    boolean knowsProfile(KpiEvent event, KpiEvent.Profile profile) {
        StationRecord station = stations.get(StoreKeys.station(event.plant(), event.line(), event.station()));
        Profile same = new Profile(event.tsMillis(), profile.keyProcess(), profile.cnc(), profile.idealCycleSeconds());
        return station != null && station.profiles().contains(same);
    }

    /** Applies a back-dated profile from {@code fromMillis} on, leaving the final period before it as it was. */
    void applyProfileFrom(KpiEvent event, KpiEvent.Profile profile, long fromMillis) {
        String key = StoreKeys.station(event.plant(), event.line(), event.station());
        StationRecord station = station(key);
        station.applyProfile(new Profile(fromMillis, profile.keyProcess(), profile.cnc(), profile.idealCycleSeconds()));
        stations.put(key, station);
        idealCycles.remove(StoreKeys.stationsOf(event.plant(), event.line()));
    }

    private void applyUnit(KpiEvent event, KpiEvent.Unit unit, PlantCalendar calendar) {
        long completed = unit.completedAtMillis();
        long cycle = completed - unit.startedAtMillis();
        double ideal = idealSecondsPerUnit(event, completed);
        DayKeys keys = keysOf(event, calendar.dateOf(completed));
        updateDay(keys, totals -> totals.addUnit(unit.result(), cycle, ideal));
        // The month's sketch serves month and year windows; the day's serves the partial months of other windows.
        record(keys.monthKey(), cycle);
        record(keys.dayKey(), cycle);
    }

    private void record(String sketchKey, long cycle) {
        CycleSketch sketch = sketches.get(sketchKey);
        if (sketch == null) {
            sketch = new CycleSketch();
        }
        sketch.record(cycle);
        sketches.put(sketchKey, sketch);
    }

    /** The line's summed ideal station cycles in force when the unit completed: OEE performance's numerator. */
    private double idealSecondsPerUnit(KpiEvent event, long completedMillis) {
        String prefix = StoreKeys.stationsOf(event.plant(), event.line());
        IdealCycles known = idealCycles.get(prefix);
        if (known == null || !known.holdsAt(completedMillis)) {
            known = IdealCycles.of(stationsOf(prefix), completedMillis);
            idealCycles.put(prefix, known);
        }
        return known.seconds();
    }

    private List<StationRecord> stationsOf(String prefix) {
        List<StationRecord> line = new java.util.ArrayList<>();
        try (KeyValueIterator<String, StationRecord> range = stations.range(prefix, prefix + StoreKeys.END)) {
            while (range.hasNext()) {
                KeyValue<String, StationRecord> entry = range.next();
                line.add(entry.value);
            }
        }
        return line;
    }

    private StationRecord station(String key) {
        StationRecord station = stations.get(key);
        return station == null ? new StationRecord() : station;
    }

    private DayKeys keysOf(KpiEvent event, LocalDate date) {
        LineRef line = new LineRef(event.plant(), event.line());
        DayKeys keys = dayKeys.get(line);
        if (keys == null || !keys.day().equals(date)) {
            keys = new DayKeys(date, StoreKeys.day(event.plant(), event.line(), date),
                    StoreKeys.month(event.plant(), event.line(), java.time.YearMonth.from(date)));
            dayKeys.put(line, keys);
        }
        return keys;
    }

    private void updateDay(KpiEvent event, LocalDate date, Consumer<Totals> change) {
        updateDay(keysOf(event, date), change);
    }

    private void updateDay(DayKeys keys, Consumer<Totals> change) {
        String key = keys.dayKey();
        Totals day = days.get(key);
        if (day == null) {
            day = new Totals();
        }
        change.accept(day);
        days.put(key, day);
    }

    /**
     * The sum of a line's ideal cycles for completion times in {@code [fromMillis, toMillis)}: between the latest
     * profile in force and the next one, nothing changes it, so one lookup serves the units that follow.
     */
    record IdealCycles(double seconds, long fromMillis, long toMillis) {

        boolean holdsAt(long millis) {
            return fromMillis <= millis && millis < toMillis;
        }

        static IdealCycles of(List<StationRecord> stations, long atMillis) {
            double seconds = 0;
            long from = Long.MIN_VALUE;
            long to = Long.MAX_VALUE;
            for (StationRecord station : stations) {
                for (Profile profile : station.profiles()) {
                    if (profile.tsMillis() > atMillis) {
                        to = Math.min(to, profile.tsMillis());
                        break;
                    }
                }
                java.util.Optional<Profile> inForce = station.profileBefore(atMillis + 1);
                if (inForce.isPresent()) {
                    seconds += inForce.get().idealCycleSeconds();
                    from = Math.max(from, inForce.get().tsMillis());
                }
            }
            return new IdealCycles(seconds, from, to);
        }
    }
}
