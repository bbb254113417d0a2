package io.pilotwatch.simulator.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * A scenario file: pilot plants and what happens to them over a window of dates. Immutable; built by
 * {@link ScenarioLoader}, which validates it, so the accessors of a loaded scenario never fail.
 *
 * @param name        a short name for reports (default: the file name without extension)
 * @param description free text
 * @param from        first simulated day, {@code YYYY-MM-DD}, in each plant's time zone
 * @param until       the day after the last simulated one (exclusive), {@code YYYY-MM-DD}
 * @param seed        default random seed (the {@code --seed} option wins); default 1
 * @param plants      the plants, at least one
 */
public record Scenario(String name, String description, String from, String until, Long seed,
                       List<PlantSpec> plants) {

    public Scenario {
        seed = seed == null ? 1L : seed;
        plants = Lists.copy(plants);
    }

    /** {@link #from()} parsed; only valid after validation. */
    public LocalDate fromDate() {
        return LocalDate.parse(from);
    }

    /** {@link #until()} parsed; only valid after validation. */
    public LocalDate untilDate() {
        return LocalDate.parse(until);
    }

    /** The same scenario with other plants (used by scaling). */
    public Scenario withPlants(List<PlantSpec> newPlants) {
        return new Scenario(name, description, from, until, seed, newPlants);
    }

    /** The same scenario with a name (the loader fills in the file name when the file has none). */
    public Scenario withName(String newName) {
        return new Scenario(newName, description, from, until, seed, plants);
    }
}
