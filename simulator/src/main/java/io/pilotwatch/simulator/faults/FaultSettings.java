package io.pilotwatch.simulator.faults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fault injection, each off by default. Percentages are of real messages (0 to 100).
 *
 * @param duplicatesPct  resend this share of real messages, with the same bytes
 * @param reorderWindow  shuffle messages within consecutive windows of this many (0 or 1: off)
 * @param latePct        hold back this share of messages ...
 * @param lateDelay      ... for this much simulated time (event time unchanged)
 * @param malformedPct   after this share of real messages, publish an additional broken payload
 * @param dropEvery      cut every connection this often, wall time (QoS 1 messages are resent, never lost)
 */
public record FaultSettings(double duplicatesPct, int reorderWindow, double latePct, Duration lateDelay,
                            double malformedPct, Optional<Duration> dropEvery) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, Duration.ofMinutes(10), 0, Optional.empty());

    public FaultSettings {
        percent("duplicates", duplicatesPct);
        percent("late-pct", latePct);
        percent("malformed", malformedPct);
        if (reorderWindow < 0) {
            throw new IllegalArgumentException("--reorder-window must be >= 0, got " + reorderWindow);
        }
        if (lateDelay.isNegative() || (latePct > 0 && lateDelay.isZero())) {
            throw new IllegalArgumentException("--late-delay must be > 0 when --late-pct is set, got " + lateDelay);
        }
        if (dropEvery.isPresent() && !(dropEvery.get().toMillis() > 0)) {
            throw new IllegalArgumentException("--drop-connection-every must be at least 1ms, got " + dropEvery.get());
        }
    }

    /** The settings by option name, for the ground truth's header. */
    public Map<String, Object> describe() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("duplicates", duplicatesPct);
        options.put("reorderWindow", reorderWindow);
        options.put("latePct", latePct);
        options.put("lateDelaySeconds", lateDelay.toMillis() / 1000.0);
        options.put("malformed", malformedPct);
        options.put("dropConnectionEverySeconds", dropEvery.map(d -> d.toMillis() / 1000.0).orElse(null));
        return options;
    }

    private static void percent(String option, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException("--" + option + " must be a percentage from 0 to 100, got " + value);
        }
    }
}
