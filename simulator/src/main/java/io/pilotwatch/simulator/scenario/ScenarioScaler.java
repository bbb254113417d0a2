package io.pilotwatch.simulator.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Multiplies a scenario for load tests: {@code --plants N} makes N copies of every plant, {@code --stations N}
 * N copies of every station, {@code --rate-scale X} multiplies every line's rate. Copy {@code k >= 2} of an id
 * gets the suffix {@code -c<k>}; the first copy keeps the original id, so a factor of 1 changes nothing.
 * Interventions that name a station apply to all its copies.
 */
public final class ScenarioScaler {

    private ScenarioScaler() {
    }

    /**
     * @throws ScenarioException if a derived id breaks the id pattern (too long) or a rate is out of range
     */
    public static Scenario scale(Scenario scenario, int plantCopies, int stationCopies, double rateScale) {
        if (plantCopies == 1 && stationCopies == 1 && rateScale == 1.0) {
            return scenario;
        }
        List<PlantSpec> plants = new ArrayList<>();
        for (PlantSpec plant : scenario.plants()) {
            List<LineSpec> lines = plant.lines().stream().map(line -> scaleLine(line, stationCopies, rateScale)).toList();
            for (int copy = 1; copy <= plantCopies; copy++) {
                plants.add(plant.with(derivedId(plant.id(), copy), lines));
            }
        }
        Scenario scaled = scenario.withPlants(plants);
        List<ScenarioException.Problem> problems = new ScenarioValidator().validate(scaled);
        if (!problems.isEmpty()) {
            throw new ScenarioException("'" + scenario.name() + "' scaled by --plants " + plantCopies
                    + " --stations " + stationCopies + " --rate-scale " + rateScale, problems);
        }
        return scaled;
    }

    /** The id of copy {@code copy} (1-based) of {@code id}. */
    public static String derivedId(String id, int copy) {
        return copy == 1 ? id : id + "-c" + copy;
    }

    private static LineSpec scaleLine(LineSpec line, int copies, double rateScale) {
        List<StationSpec> stations = new ArrayList<>();
        for (StationSpec station : line.stations()) {
            for (int copy = 1; copy <= copies; copy++) {
                stations.add(station.withId(derivedId(station.id(), copy)));
            }
        }
        List<InterventionSpec> interventions = line.interventions().stream().map(intervention -> {
            List<String> ids = new ArrayList<>();
            for (String id : intervention.stations()) {
                for (int copy = 1; copy <= copies; copy++) {
                    ids.add(derivedId(id, copy));
                }
            }
            return intervention.withStations(ids);
        }).toList();
        return line.with(stations, interventions, line.ratePerHour() * rateScale);
    }
}
