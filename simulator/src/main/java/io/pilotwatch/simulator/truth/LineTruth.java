package io.pilotwatch.simulator.truth;

import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** What one line generated, month by month, plus its CNC counts over time. */
public final class LineTruth {

    final String id;
    private final PlantTruth plant;
    final Calendar calendar;
    final SortedMap<YearMonth, MonthStats> months = new TreeMap<>();
    final List<StationTruth> stations = new ArrayList<>();
    /** CNC counts after each profile change, in time order. */
    final List<CncCount> cncHistory = new ArrayList<>();
    private double idealSecondsPerUnit;

    /** Key stations and CNC key stations from {@code millis} on. */
    record CncCount(long millis, int keyStations, int cncKeyStations) {
    }

    LineTruth(String id, PlantTruth plant) {
        this.id = id;
        this.plant = plant;
        this.calendar = plant.calendar;
    }

    PlantTruth plant() {
        return plant;
    }

    /** The truth of one of this line's stations; call once per station. */
    public StationTruth station(String stationId) {
        StationTruth station = new StationTruth(this);
        stations.add(station);
        return station;
    }

    void onUnit(Payload.Unit unit) {
        long completed = unit.completedAt().toEpochMilli();
        MonthStats month = month(completed);
        month.units[unit.result().ordinal()]++;
        month.cycleMillis.add(completed - unit.startedAt().toEpochMilli());
        month.idealSeconds += idealSecondsPerUnit;
    }

    void onCost(long millis, Payload.Cost cost) {
        MonthStats month = month(millis);
        month.addCost(cost.currency(), cost.category(), cost.amount());
        if (cost.energyKwh().isPresent()) {
            month.energyKwh = month.energyKwh.add(cost.energyKwh().get());
        }
    }

    void profilesChanged(long millis) {
        int key = 0;
        int cncKey = 0;
        double ideal = 0;
        for (StationTruth station : stations) {
            if (station.profiled) {
                ideal += station.idealCycleSeconds;
                if (station.keyProcess) {
                    key++;
                    cncKey += station.cnc ? 1 : 0;
                }
            }
        }
        idealSecondsPerUnit = ideal;
        CncCount count = new CncCount(millis, key, cncKey);
        if (!cncHistory.isEmpty() && cncHistory.get(cncHistory.size() - 1).millis() == millis) {
            cncHistory.set(cncHistory.size() - 1, count);
        } else {
            cncHistory.add(count);
        }
    }

    /** The counts in force just before {@code millis}: after every profile with an earlier {@code ts}. */
    CncCount cncBefore(long millis) {
        CncCount latest = new CncCount(Long.MIN_VALUE, 0, 0);
        for (CncCount count : cncHistory) {
            if (count.millis() >= millis) {
                break;
            }
            latest = count;
        }
        return latest;
    }

    /** Adds {@code [from, to)} in {@code state} to the months it spans. */
    void addStateTime(MachineState state, long from, long to) {
        addStateTime(state, from, to, months);
    }

    /** The same, into {@code target} (the report adds open intervals to a copy this way). */
    void addStateTime(MachineState state, long from, long to, SortedMap<YearMonth, MonthStats> target) {
        long start = from;
        while (start < to) {
            YearMonth month = calendar.monthOf(start);
            long end = Math.min(to, calendar.endOf(month));
            target.computeIfAbsent(month, m -> new MonthStats()).stateMillis[state.ordinal()] += end - start;
            start = end;
        }
    }

    private MonthStats month(long millis) {
        return months.computeIfAbsent(calendar.monthOf(millis), m -> new MonthStats());
    }
}
