package io.pilotwatch.simulator.scenario;

import io.pilotwatch.telemetry.CostCategory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** Checks one line: its stations, baseline and interventions, and that it stays feasible after each change. */
final class LineValidator {

    private static final double MAX_RATE_PER_HOUR = 100_000;
    private static final double MAX_IDEAL_CYCLE_SECONDS = 1_000_000;
    private static final double MAX_FACTOR = 100;
    private static final Set<Integer> INTERVALS = Set.of(1, 2, 3, 4, 6, 8, 12, 24);

    private final Checks checks;

    LineValidator(Checks checks) {
        this.checks = checks;
    }

    void validate(LineSpec line, String path) {
        int before = checks.problems().size();
        checks.id(line.id(), path + ".id");
        checks.text(line.name(), path + ".name", 200);
        checks.positive(line.ratePerHour(), path + ".ratePerHour", MAX_RATE_PER_HOUR);
        if (!LineSpec.POISSON.equals(line.arrivals()) && !LineSpec.UNIFORM.equals(line.arrivals())) {
            checks.fail(path + ".arrivals", "expected poisson or uniform, got '" + line.arrivals() + "'");
        }
        if (!INTERVALS.contains(line.costIntervalHours())) {
            checks.fail(path + ".costIntervalHours", "expected a divisor of 24 (1, 2, 3, 4, 6, 8, 12 or 24), got "
                    + line.costIntervalHours());
        }
        boolean stationsOk = stations(line, path);
        if (checks.present(line.baseline(), path + ".baseline", "a mapping with defect and cycle")) {
            new BaselineValidator(checks).validate(line.baseline(), path + ".baseline");
        }
        for (int i = 0; i < line.interventions().size(); i++) {
            InterventionSpec intervention = line.interventions().get(i);
            String interventionPath = path + ".interventions[" + i + "]";
            if (checks.present(intervention, interventionPath, "an intervention (a mapping with date)")) {
                intervention(line, intervention, interventionPath);
            }
        }
        if (stationsOk && checks.problems().size() == before) {
            feasibility(line, path);
        }
    }

    private boolean stations(LineSpec line, String path) {
        if (line.stations() == null || line.stations().isEmpty()) {
            checks.fail(path + ".stations", "required: expected a list of at least one station");
            return false;
        }
        Set<String> ids = new HashSet<>();
        int before = checks.problems().size();
        for (int i = 0; i < line.stations().size(); i++) {
            StationSpec station = line.stations().get(i);
            String stationPath = path + ".stations[" + i + "]";
            if (!checks.present(station, stationPath, "a station (a mapping with id, process, idealCycleSeconds)")) {
                continue;
            }
            checks.id(station.id(), stationPath + ".id");
            checks.text(station.process(), stationPath + ".process", 128);
            checks.positive(station.idealCycleSeconds(), stationPath + ".idealCycleSeconds", MAX_IDEAL_CYCLE_SECONDS);
            if (station.id() != null && !ids.add(station.id())) {
                checks.fail(stationPath + ".id", "expected a unique id, but another station of this line already has id '"
                        + station.id() + "'");
            }
        }
        return checks.problems().size() == before;
    }

    private void intervention(LineSpec line, InterventionSpec intervention, String path) {
        if (checks.present(intervention.date(), path + ".date", "a date YYYY-MM or YYYY-MM-DD")
                && ScenarioDates.parseDay(intervention.date()).isEmpty()) {
            checks.fail(path + ".date", "expected a date YYYY-MM or YYYY-MM-DD, got '" + intervention.date() + "'");
        }
        Set<String> known = new HashSet<>();
        if (line.stations() != null) {
            line.stations().stream().filter(s -> s != null && s.id() != null).forEach(s -> known.add(s.id()));
        }
        for (int i = 0; i < intervention.stations().size(); i++) {
            String id = intervention.stations().get(i);
            if (id == null || !known.contains(id)) {
                checks.fail(path + ".stations[" + i + "]", "expected the id of a station of line '" + line.id()
                        + "' (one of " + String.join(", ", known.stream().sorted().toList()) + "), got '" + id + "'");
            }
        }
        boolean changesStations = intervention.cnc() != null || intervention.keyProcess() != null
                || intervention.idealCycleSeconds() != null;
        if (changesStations && intervention.stations().isEmpty()) {
            checks.fail(path + ".stations", "expected the stations that cnc, keyProcess or idealCycleSeconds apply to");
        }
        checks.positiveIfSet(intervention.idealCycleSeconds(), path + ".idealCycleSeconds", MAX_IDEAL_CYCLE_SECONDS);
        factor(intervention.defect(), path + ".defect");
        factor(intervention.cycle(), path + ".cycle");
        factor(intervention.rate(), path + ".rate");
        factor(intervention.energy(), path + ".energy");
        factor(intervention.mtbf(), path + ".mtbf");
        factor(intervention.mttr(), path + ".mttr");
        for (CostCategory category : CostCategory.values()) {
            factor(intervention.cost().of(category), path + ".cost." + category.wireName());
        }
    }

    private void factor(Double value, String path) {
        checks.positiveIfSet(value, path, MAX_FACTOR);
    }

    /** After every intervention, in date order: a probability stays <= 1 and each station keeps up with the rate. */
    private void feasibility(LineSpec line, String path) {
        double rate = line.ratePerHour();
        double defect = line.baseline().defect().probability();
        Map<String, Double> ideal = new HashMap<>();
        for (int i = 0; i < line.stations().size(); i++) {
            StationSpec station = line.stations().get(i);
            ideal.put(station.id(), station.idealCycleSeconds());
            keepsUp(rate, station.idealCycleSeconds(), path + ".stations[" + i + "].idealCycleSeconds");
        }
        List<Integer> order = IntStream.range(0, line.interventions().size()).boxed()
                .sorted(Comparator.comparing(i -> line.interventions().get(i).day())).toList();
        for (int i : order) {
            InterventionSpec intervention = line.interventions().get(i);
            String interventionPath = path + ".interventions[" + i + "]";
            rate *= intervention.rate();
            defect *= intervention.defect();
            if (defect > 1) {
                checks.fail(interventionPath + ".defect", "expected a factor that keeps the defect probability <= 1, "
                        + "but it becomes " + defect);
            }
            if (intervention.idealCycleSeconds() != null) {
                intervention.stations().forEach(id -> ideal.put(id, intervention.idealCycleSeconds()));
            }
            for (Map.Entry<String, Double> station : ideal.entrySet()) {
                keepsUp(rate, station.getValue(), interventionPath + " (station " + station.getKey() + ")");
            }
        }
    }

    /** OEE performance above 100% would mean a station works faster than its ideal cycle. */
    private void keepsUp(double ratePerHour, double idealCycleSeconds, String path) {
        if (ratePerHour * idealCycleSeconds > 3600 * (1 + 1e-9)) {
            checks.fail(path, "expected an ideal cycle of at most 3600 / ratePerHour = "
                    + Checks.plain(3600 / ratePerHour) + " s, so the station can keep up with the line's rate of "
                    + Checks.plain(ratePerHour) + " units/h; got " + Checks.plain(idealCycleSeconds) + " s");
        }
    }
}
