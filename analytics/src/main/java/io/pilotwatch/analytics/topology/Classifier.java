package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.targets.Targets;
import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.RejectReason;
import io.pilotwatch.telemetry.StationId;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether a record of {@code factory.telemetry.v1} can be used: it must decode with the contract's
 * codec (done once, by the source's {@link DecodedSerde}) (it may come from another producer than our ingest), its key must name its plant and line, a cost
 * must be in the plant's configured currency, and its event time must not be ahead of this service's clock
 * by more than the allowed skew (one such event would move the plant's clock and make everything late).
 */
public final class Classifier {

    /** The outcome. */
    public sealed interface Outcome permits Usable, Unusable {
    }

    public record Usable(KpiEvent event) implements Outcome {
    }

    public record Unusable(RejectReason reason, String detail) implements Outcome {
    }

    private final Targets targets;
    private final Duration maxFutureSkew;

    public Classifier(Targets targets, Duration maxFutureSkew) {
        this.targets = targets;
        this.maxFutureSkew = maxFutureSkew;
    }

    /** @param decoded the value as the contract's codec decoded it */
    public Outcome classify(byte[] key, DecodeResult decoded, long nowMillis) {
        if (decoded instanceof DecodeResult.Rejected rejected) {
            return new Unusable(rejected.reason(), rejected.detail());
        }
        TelemetryEvent event = ((DecodeResult.Accepted) decoded).event();
        StationId station = event.station();
        Optional<LineKey> lineKey = LineKey.parse(key);
        if (lineKey.isEmpty() || !lineKey.get().plant().equals(station.plant())
                || !lineKey.get().line().equals(station.line())) {
            return new Unusable(RejectReason.BAD_VALUE, "record key " + LineKey.describe(key) + " must be '"
                    + station.kafkaKey() + "', the payload's {plant}/{line}");
        }
        if (event.payload() instanceof Payload.Cost cost) {
            String expected = targets.forPlant(station.plant()).currency();
            if (!cost.currency().equals(expected)) {
                return new Unusable(RejectReason.BAD_VALUE, "currency '" + cost.currency() + "' is not plant "
                        + station.plant() + "'s configured currency '" + expected + "'");
            }
        }
        long eventTime = EventTimes.of(event);
        if (eventTime > nowMillis + maxFutureSkew.toMillis()) {
            return new Unusable(RejectReason.OUT_OF_RANGE, "event time " + Instant.ofEpochMilli(eventTime)
                    + " is more than " + maxFutureSkew.toMinutes() + " min ahead of the analytics clock "
                    + Instant.ofEpochMilli(nowMillis));
        }
        return new Usable(KpiEvent.of(event));
    }
}
