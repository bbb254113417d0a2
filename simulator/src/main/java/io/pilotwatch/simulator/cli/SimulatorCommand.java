package io.pilotwatch.simulator.cli;

import io.pilotwatch.simulator.clock.Mode;
import io.pilotwatch.simulator.clock.StopSignal;
import io.pilotwatch.simulator.clock.TimeBound;
import io.pilotwatch.simulator.faults.FaultSettings;
import io.pilotwatch.simulator.publish.MqttSettings;
import io.pilotwatch.simulator.run.PayloadFormat;
import io.pilotwatch.simulator.run.RunOptions;
import io.pilotwatch.simulator.run.SimulatorRun;
import io.pilotwatch.simulator.run.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code simulator} command: options in, one {@link SimulatorRun} out. */
@Command(name = "simulator", mixinStandardHelpOptions = true, version = "PilotWatch simulator 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Simulates smart-manufacturing pilot plants and publishes their telemetry (contract v1) "
                + "over MQTT, and writes the true KPIs of what it published.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:runtime failure (cannot connect, broker gone)", "2:bad arguments or scenario"})
public final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "default",
            description = "Scenario YAML file, or 'default' for the shipped one (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--mode", paramLabel = "MODE", required = true,
            description = "realtime, accelerated or backfill.", converter = ModeConverter.class)
    Mode mode;

    @Option(names = "--speed", paramLabel = "N",
            description = "Accelerated mode: N simulated seconds per wall second (default: 3600).")
    Double speed;

    @Option(names = "--from", paramLabel = "DATE", converter = TimeBoundConverter.class,
            description = "Window start: YYYY-MM-DD (each plant's local midnight) or a date-time with offset "
                    + "(default: the scenario's; realtime: now).")
    TimeBound from;

    @Option(names = "--until", paramLabel = "DATE", converter = TimeBoundConverter.class,
            description = "Window end, exclusive (default: the scenario's; realtime without --from: none).")
    TimeBound until;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's).")
    Long seed;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop cleanly after this much wall time, e.g. 30s.")
    Duration duration;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--connection-per-station",
            description = "One MQTT connection per station instead of one per line.")
    boolean connectionPerStation;

    @Option(names = "--dry-run", description = "Generate and write the truth, but publish nothing.")
    boolean dryRun;

    @Option(names = "--plants", paramLabel = "N", defaultValue = "1", description = "Copies of every plant, for load tests (default: ${DEFAULT-VALUE}).")
    int plants;

    @Option(names = "--stations", paramLabel = "N", defaultValue = "1", description = "Copies of every station, for load tests (default: ${DEFAULT-VALUE}).")
    int stations;

    @Option(names = "--rate-scale", paramLabel = "X", defaultValue = "1", description = "Factor on every line's production rate (default: ${DEFAULT-VALUE}).")
    double rateScale;

    @Option(names = "--truth-out", paramLabel = "FILE", defaultValue = "simulator-truth.json",
            description = "Ground truth JSON file (default: ${DEFAULT-VALUE}).")
    Path truthOut;

    @Option(names = "--no-truth", description = "Do not write the ground truth.")
    boolean noTruth;

    @Option(names = "--truth-every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Also rewrite the truth file this often during the run (wall time).")
    Duration truthEvery;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Summary printed at exit: text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--payload-format", paramLabel = "FORMAT", defaultValue = "json",
            description = "What the stations speak: json (telemetry contract v1) or sparkplug (Sparkplug B 3.0; "
                    + "see docs/sparkplug.md) (default: ${DEFAULT-VALUE}).")
    String payloadFormat;

    @Option(names = "--no-progress", description = "No progress bar in backfill mode.")
    boolean noProgress;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "At the end, wait this long for unacknowledged messages (default: ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Option(names = "--boot", paramLabel = "N", defaultValue = "1",
            description = "The boot number of every message (default: ${DEFAULT-VALUE}). A later run of the same "
                    + "stations on the same day needs a higher one, e.g. the epoch seconds of its start.")
    long boot;

    @Option(names = "--off-at-end",
            description = "When the run ends, every station publishes 'state: off', so the time until a later run "
                    + "is not planned time.")
    boolean offAtEnd;

    @Mixin
    FaultOptions faults;

    private final StopSignal stop;
    private final PrintStream out;

    /** @param stop requested by the shutdown hook; @param out where the summary goes */
    public SimulatorCommand(StopSignal stop, PrintStream out) {
        this.stop = stop;
        this.out = out;
    }

    @Override
    public Integer call() {
        new SimulatorRun(options(), stop, out).run();
        return 0;
    }

    RunOptions options() {
        if (speed != null && mode != Mode.ACCELERATED) {
            throw new UsageException("--speed applies to --mode accelerated only");
        }
        double effectiveSpeed = speed == null ? 3600 : speed;
        if (!(effectiveSpeed > 0)) {
            throw new UsageException("--speed must be > 0, got " + effectiveSpeed);
        }
        if (plants < 1 || stations < 1 || plants * (long) stations > 1_000_000) {
            throw new UsageException("--plants and --stations must be >= 1 (and their product at most 1000000)");
        }
        if (!(rateScale > 0)) {
            throw new UsageException("--rate-scale must be > 0, got " + rateScale);
        }
        if (boot < 0) {
            throw new UsageException("--boot must be >= 0, got " + boot);
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, got '" + format + "'");
        }
        PayloadFormat wire = switch (payloadFormat) {
            case "json" -> PayloadFormat.JSON;
            case "sparkplug" -> PayloadFormat.SPARKPLUG;
            default -> throw new UsageException("--payload-format must be json or sparkplug, got '" + payloadFormat + "'");
        };
        FaultSettings faultSettings = faults.toSettings();
        if (wire == PayloadFormat.SPARKPLUG && connectionPerStation) {
            throw new UsageException("--payload-format sparkplug needs one connection per line (an edge node): "
                    + "drop --connection-per-station");
        }
        if (wire == PayloadFormat.SPARKPLUG && (faultSettings.duplicatesPct() > 0 || faultSettings.reorderWindow() > 0
                || faultSettings.latePct() > 0 || faultSettings.malformedPct() > 0)) {
            // They rewrite or reorder JSON messages; with Sparkplug they would break seq, not test the contract.
            throw new UsageException("--duplicates, --reorder-window, --late-pct and --malformed are for --payload-format json "
                    + "only (--drop-connection-every works with both)");
        }
        Optional<MqttSettings> mqtt = dryRun ? Optional.empty() : Optional.of(broker.toSettings(faultSettings.dropEvery()));
        return new RunOptions(scenario, mode, effectiveSpeed, Optional.ofNullable(from), Optional.ofNullable(until),
                Optional.ofNullable(seed), mqtt, connectionPerStation, faultSettings,
                noTruth ? Optional.empty() : Optional.of(truthOut), Optional.ofNullable(truthEvery),
                Optional.ofNullable(duration), plants, stations, rateScale, format.equals("json"), !noProgress,
                drainTimeout, boot, offAtEnd, wire);
    }
}
