package io.pilotwatch.simulator.cli;

import io.pilotwatch.simulator.faults.FaultSettings;
import io.pilotwatch.simulator.run.UsageException;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Fault injection flags; each is off by default and deterministic for a given seed. */
final class FaultOptions {

    @Option(names = "--duplicates", paramLabel = "PCT", defaultValue = "0",
            description = "Resend PCT%% of real messages with the same bytes.")
    double duplicates;

    @Option(names = "--reorder-window", paramLabel = "N", defaultValue = "0",
            description = "Shuffle messages within consecutive windows of N.")
    int reorderWindow;

    @Option(names = "--late-pct", paramLabel = "PCT", defaultValue = "0",
            description = "Hold back PCT%% of messages by --late-delay (event time unchanged).")
    double latePct;

    @Option(names = "--late-delay", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Simulated delay of late messages (default: ${DEFAULT-VALUE}).")
    Duration lateDelay;

    @Option(names = "--malformed", paramLabel = "PCT", defaultValue = "0",
            description = "After PCT%% of real messages, publish an additional broken payload.")
    double malformed;

    @Option(names = "--drop-connection-every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Cut every connection this often (wall time); unacknowledged QoS 1 messages are resent.")
    Duration dropEvery;

    FaultSettings toSettings() {
        try {
            return new FaultSettings(duplicates, reorderWindow, latePct, lateDelay, malformed,
                    Optional.ofNullable(dropEvery));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
