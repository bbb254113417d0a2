package io.pilotwatch.analytics.targets;

import java.util.Map;

/**
 * The loaded targets file: the defaults (the policy's milestones unless the file says otherwise) and the
 * plants that override them. A plant not listed gets the defaults.
 *
 * @param source where it came from, for the scorecard
 */
public record Targets(String source, PlantPolicy defaults, Map<String, PlantPolicy> plants) {

    public Targets {
        plants = Map.copyOf(plants);
    }

    public PlantPolicy forPlant(String plant) {
        return plants.getOrDefault(plant, defaults);
    }
}
