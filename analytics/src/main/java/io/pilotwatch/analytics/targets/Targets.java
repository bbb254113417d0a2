package io.pilotwatch.analytics.targets;

import java.util.List;
import java.util.Map;

/**
 * The loaded targets file: the defaults (the policy's milestones unless the file says otherwise) and the
 * plants that override them. A plant not listed gets the defaults.
 *
 * @param source where it came from, for the scorecard
 * @param groups the configured groups of plants for the programme view, in file order (the implicit group
 *               {@value Group#ALL} of every known plant is not among them)
 */
public record Targets(String source, PlantPolicy defaults, Map<String, PlantPolicy> plants, List<Group> groups) {

    public Targets {
        plants = Map.copyOf(plants);
        groups = List.copyOf(groups);
    }

    public Targets(String source, PlantPolicy defaults, Map<String, PlantPolicy> plants) {
        this(source, defaults, plants, List.of());
    }

    public PlantPolicy forPlant(String plant) {
        return plants.getOrDefault(plant, defaults);
    }
}
