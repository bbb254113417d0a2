package io.pilotwatch.simulator.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotwatch.simulator.publish.MessageCounts;
import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.telemetry.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What a run did, printed at exit: messages by kind and origin, wall time, rate, where the simulated clock
 * stopped, transport incidents and where the truth went.
 *
 * @param scenario         scenario name
 * @param stopReason       {@code completed}, or why it stopped early
 * @param simulatedUntil   simulated time reached
 * @param wall             wall time from the first publish to the end of draining
 * @param counts           messages published
 * @param connectionLosses connection drops seen (injected or not)
 * @param resent           messages sent again after a drop
 * @param truthFile        where the truth was written
 */
record Summary(String scenario, String stopReason, Instant simulatedUntil, Duration wall, MessageCounts counts,
               long connectionLosses, long resent, Optional<String> truthFile) {

    double rate() {
        double seconds = wall.toNanos() / 1e9;
        return seconds > 0 ? counts.total() / seconds : 0;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Scenario %s: %s; simulated until %s%n", scenario, stopReason,
                simulatedUntil));
        out.append(String.format(Locale.ROOT, "Published %,d messages in %.1f s (%,.0f msg/s)%n", counts.total(),
                wall.toMillis() / 1000.0, rate()));
        for (Origin origin : Origin.values()) {
            StringBuilder kinds = new StringBuilder();
            for (Kind kind : Kind.values()) {
                kinds.append(String.format(Locale.ROOT, " %s %,d", kind.wireName(), counts.of(origin, kind)));
            }
            out.append(String.format(Locale.ROOT, "  %-10s %,10d  (%s )%n", origin.name().toLowerCase(Locale.ROOT),
                    counts.of(origin), kinds.toString().trim()));
        }
        out.append(String.format(Locale.ROOT, "  retained   %,10d%n", counts.retained()));
        out.append(String.format(Locale.ROOT, "Connection losses %d, messages resent %d%n", connectionLosses, resent));
        out.append("Ground truth: ").append(truthFile.orElse("not written")).append(System.lineSeparator());
        return out.toString();
    }

    ObjectNode json() {
        ObjectNode node = TruthFile.MAPPER.createObjectNode();
        node.put("scenario", scenario);
        node.put("stopReason", stopReason);
        node.put("simulatedUntil", simulatedUntil.toString());
        node.put("wallSeconds", wall.toMillis() / 1000.0);
        node.put("messagesPerSecond", Math.round(rate()));
        node.put("published", counts.total());
        for (Origin origin : Origin.values()) {
            ObjectNode byKind = node.putObject(origin.name().toLowerCase(Locale.ROOT));
            for (Kind kind : Kind.values()) {
                byKind.put(kind.wireName(), counts.of(origin, kind));
            }
            byKind.put("total", counts.of(origin));
        }
        node.put("retained", counts.retained());
        node.put("connectionLosses", connectionLosses);
        node.put("resent", resent);
        node.put("truthFile", truthFile.orElse(null));
        return node;
    }
}
