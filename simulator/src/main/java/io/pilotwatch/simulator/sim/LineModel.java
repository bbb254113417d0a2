package io.pilotwatch.simulator.sim;

import io.pilotwatch.simulator.scenario.InterventionSpec;
import io.pilotwatch.simulator.scenario.LineSpec;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.UnitResult;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A line during a run: launches units while every station runs, completes them after their production
 * cycle (the last station publishes them), applies dated interventions, and delegates machine states to
 * {@link Machines} and costs to {@link CostBooker}.
 */
final class LineModel {

    final LineSpec spec;
    final List<StationModel> stations;
    final EventQueue queue;
    final Emitter emitter;
    final ZoneId zone;
    final long startMillis;
    final long endMillis;
    private final SplittableRandom random;
    private final Machines machines;
    private final CostBooker costs;
    private LineParams params;
    private int stoppedStations;
    private long launched;

    LineModel(LineSpec spec, List<StationModel> stations, SimContext context, SplittableRandom random) {
        this.spec = spec;
        this.stations = stations;
        this.queue = context.queue();
        this.emitter = context.emitter();
        this.zone = context.zone();
        this.startMillis = context.startMillis();
        this.endMillis = context.endMillis();
        this.random = random;
        this.params = LineParams.baseline(spec);
        this.machines = new Machines(this);
        this.costs = new CostBooker(this, context.currency());
    }

    LineParams params() {
        return params;
    }

    /** Schedules everything from the window's start: boots, interventions, the first unit and cost booking. */
    void start() {
        Map<String, StationModel> byId = stations.stream()
                .collect(Collectors.toMap(s -> s.id.station(), Function.identity()));
        List<InterventionSpec> byDate = spec.interventions().stream()
                .sorted(Comparator.comparing(InterventionSpec::day)).toList();
        for (InterventionSpec intervention : byDate) {
            long at = intervention.day().atStartOfDay(zone).toInstant().toEpochMilli();
            if (at <= startMillis) {
                apply(intervention, byId, false);
            } else {
                scheduleIfInWindow(at, () -> apply(intervention, byId, true));
            }
        }
        queue.schedule(startMillis, this::boot);
        costs.start();
    }

    /** See {@link Simulation#switchOff(long)}. */
    void switchOff(long millis) {
        long at = Math.max(startMillis, Math.min(millis, endMillis - 1000));
        for (StationModel station : stations) {
            machines.switchOff(station, at);
        }
    }

    void scheduleIfInWindow(long millis, Runnable action) {
        if (millis < endMillis) {
            queue.schedule(millis, action);
        }
    }

    void stationStopped() {
        stoppedStations++;
    }

    void stationRestarted() {
        stoppedStations--;
    }

    private void boot() {
        long now = queue.now();
        for (StationModel station : stations) {
            emitter.emit(station, now, station.profile());
            machines.boot(station, now);
        }
        if (params.uniformArrivals()) {
            launch();
        } else {
            scheduleIfInWindow(now + interArrivalMillis(), this::launch);
        }
    }

    private void launch() {
        long now = queue.now();
        scheduleIfInWindow(now + interArrivalMillis(), this::launch);
        if (stoppedStations > 0) {
            // A serial line without buffers: a stopped station stops the line.
            return;
        }
        long cycleMillis = Math.round(1000 * (params.constantCycle() ? params.cycleMeanSeconds()
                : Sampling.lognormal(random, params.cycleMeanSeconds(), params.cycleCv())));
        UnitResult result = sampleResult();
        String unitId = spec.id() + "-" + pad(++launched);
        long completedAt = now + cycleMillis;
        scheduleIfInWindow(completedAt, () -> complete(unitId, now, completedAt, result));
    }

    private void complete(String unitId, long startedAt, long completedAt, UnitResult result) {
        StationModel last = stations.get(stations.size() - 1);
        emitter.emit(last, completedAt, new Payload.Unit(unitId, Instant.ofEpochMilli(startedAt),
                Instant.ofEpochMilli(completedAt), result, Optional.empty()));
        costs.unitCompleted();
    }

    private UnitResult sampleResult() {
        if (random.nextDouble() >= params.defectProbability()) {
            return UnitResult.GOOD;
        }
        double share = random.nextDouble();
        if (share < params.split().defect()) {
            return UnitResult.DEFECT;
        }
        return share < params.split().defect() + params.split().scrap() ? UnitResult.SCRAP : UnitResult.REWORK;
    }

    private long interArrivalMillis() {
        double meanMillis = 3_600_000 / params.ratePerHour();
        return Math.max(1, Math.round(params.uniformArrivals() ? meanMillis : Sampling.exponential(random, meanMillis)));
    }

    private void apply(InterventionSpec intervention, Map<String, StationModel> byId, boolean announce) {
        params = params.apply(intervention);
        for (String id : intervention.stations()) {
            StationModel station = byId.get(id);
            boolean changed = station.retrofit(intervention.cnc(), intervention.keyProcess(),
                    intervention.idealCycleSeconds());
            if (changed && announce) {
                emitter.emit(station, queue.now(), station.profile());
            }
        }
    }

    private static String pad(long number) {
        String digits = Long.toString(number);
        return digits.length() >= 8 ? digits : "00000000".substring(digits.length()) + digits;
    }
}
