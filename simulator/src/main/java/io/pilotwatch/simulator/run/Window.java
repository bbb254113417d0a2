package io.pilotwatch.simulator.run;

import io.pilotwatch.simulator.clock.Mode;
import io.pilotwatch.simulator.clock.TimeBound;
import io.pilotwatch.simulator.scenario.PlantSpec;
import io.pilotwatch.simulator.scenario.Scenario;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The simulated window of a run: the options' bounds, else the scenario's; a realtime run without
 * {@code --from} starts now and, without {@code --until}, runs until stopped.
 *
 * @param from  start
 * @param until end (exclusive), empty when unbounded
 */
record Window(TimeBound from, Optional<TimeBound> until) {

    static Window of(RunOptions options, Scenario scenario, Instant now) {
        boolean live = options.mode() == Mode.REALTIME && options.from().isEmpty();
        TimeBound from = options.from().orElseGet(() -> live ? new TimeBound.At(now.truncatedTo(ChronoUnit.SECONDS))
                : new TimeBound.Day(scenario.fromDate()));
        Optional<TimeBound> until = options.until().isPresent() ? options.until()
                : live ? Optional.empty() : Optional.of(new TimeBound.Day(scenario.untilDate()));
        for (PlantSpec plant : scenario.plants()) {
            if (until.isPresent() && !until.get().resolve(plant.zone()).isAfter(from.resolve(plant.zone()))) {
                throw new UsageException("--until (" + until.get() + ") must be after --from (" + from
                        + ") for plant " + plant.id() + " in " + plant.timezone());
            }
        }
        return new Window(from, until);
    }
}
