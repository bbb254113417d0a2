package io.pilotwatch.simulator.run;

import io.pilotwatch.simulator.clock.Mode;
import io.pilotwatch.simulator.clock.TimeBound;
import io.pilotwatch.simulator.faults.FaultSettings;
import io.pilotwatch.simulator.publish.MqttSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run needs, already checked by the CLI.
 *
 * @param scenario             {@code default} or a file path
 * @param mode                 how simulated time is paced
 * @param speed                simulated seconds per wall second in accelerated mode
 * @param from                 window start; empty: the scenario's (realtime: now)
 * @param until                window end (exclusive); empty: the scenario's (realtime without --from: unbounded)
 * @param seed                 random seed; empty: the scenario's
 * @param mqtt                 where to publish; empty for a dry run
 * @param connectionPerStation one connection per station instead of per line
 * @param faults               fault injection
 * @param truthOut             where to write the ground truth; empty: nowhere
 * @param truthEvery           also write it this often during the run (wall time)
 * @param duration             stop after this much wall time
 * @param plantCopies          {@code --plants}
 * @param stationCopies        {@code --stations}
 * @param rateScale            {@code --rate-scale}
 * @param jsonSummary          print the summary as JSON instead of text
 * @param progress             show the progress bar (backfill only)
 * @param drainTimeout         how long to wait for in-flight messages at the end
 * @param boot                 the {@code boot} number of every message (a later run of the same stations on the
 *                             same day needs a higher one, or its {@code seq} numbers look like duplicates)
 * @param offAtEnd             every station publishes {@code state: off} when the run ends, so that the time until
 *                             a later run is not counted as planned time
 * @param payloadFormat        JSON contract or Sparkplug B
 */
public record RunOptions(String scenario, Mode mode, double speed, Optional<TimeBound> from,
                         Optional<TimeBound> until, Optional<Long> seed, Optional<MqttSettings> mqtt,
                         boolean connectionPerStation, FaultSettings faults, Optional<Path> truthOut,
                         Optional<Duration> truthEvery, Optional<Duration> duration, int plantCopies,
                         int stationCopies, double rateScale, boolean jsonSummary, boolean progress,
                         Duration drainTimeout, long boot, boolean offAtEnd, PayloadFormat payloadFormat) {

    public RunOptions {
        if (boot < 0) {
            throw new IllegalArgumentException("boot must be >= 0, got " + boot);
        }
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(truthOut, "truthOut");
        Objects.requireNonNull(truthEvery, "truthEvery");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(payloadFormat, "payloadFormat");
    }

    /** Options with boot 1, no {@code off} at the end, and the JSON contract. */
    public RunOptions(String scenario, Mode mode, double speed, Optional<TimeBound> from,
                      Optional<TimeBound> until, Optional<Long> seed, Optional<MqttSettings> mqtt,
                      boolean connectionPerStation, FaultSettings faults, Optional<Path> truthOut,
                      Optional<Duration> truthEvery, Optional<Duration> duration, int plantCopies,
                      int stationCopies, double rateScale, boolean jsonSummary, boolean progress,
                      Duration drainTimeout) {
        this(scenario, mode, speed, from, until, seed, mqtt, connectionPerStation, faults, truthOut, truthEvery,
                duration, plantCopies, stationCopies, rateScale, jsonSummary, progress, drainTimeout,
                1, false, PayloadFormat.JSON);
    }
}
