package io.pilotwatch.simulator.scenario;

import java.util.List;

/**
 * A production line: a serial chain of stations; finished units leave it at the last station.
 *
 * @param id                the line id in topics
 * @param name              display name (default: the id)
 * @param ratePerHour       units started per hour while every station runs
 * @param arrivals          {@code poisson} (default: random starts at that rate) or {@code uniform} (one start
 *                          every {@code 3600 / ratePerHour} seconds)
 * @param costIntervalHours how often costs are booked, a divisor of 24 (default 24: once a day)
 * @param stations          the stations in line order, at least one; the last one publishes the units
 * @param baseline          behaviour before any intervention
 * @param interventions     dated changes (default none)
 */
public record LineSpec(String id, String name, Double ratePerHour, String arrivals, Integer costIntervalHours,
                       List<StationSpec> stations, BaselineSpec baseline, List<InterventionSpec> interventions) {

    public static final String POISSON = "poisson";
    public static final String UNIFORM = "uniform";

    public LineSpec {
        name = name == null ? id : name;
        arrivals = arrivals == null ? POISSON : arrivals;
        costIntervalHours = costIntervalHours == null ? 24 : costIntervalHours;
        stations = Lists.copy(stations);
        interventions = Lists.copyOrEmpty(interventions);
    }

    /** A copy with other stations, interventions and rate (used by scaling). */
    public LineSpec with(List<StationSpec> newStations, List<InterventionSpec> newInterventions, double newRate) {
        return new LineSpec(id, name, newRate, arrivals, costIntervalHours, newStations, baseline, newInterventions);
    }
}
