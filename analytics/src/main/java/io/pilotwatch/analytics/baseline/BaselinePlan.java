package io.pilotwatch.analytics.baseline;

import java.util.Map;

/**
 * The loaded baselines file: defaults and per-plant definitions.
 *
 * @param source the file, or "built-in" when none was configured
 */
public record BaselinePlan(String source, PlantBaselines defaults, Map<String, PlantBaselines> plants) {

    public BaselinePlan {
        plants = Map.copyOf(plants);
    }

    public PlantBaselines forPlant(String plant) {
        return plants.getOrDefault(plant, defaults);
    }
}
