package io.pilotwatch.simulator.publish;

import io.pilotwatch.telemetry.Kind;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.util.List;

/** The telemetry contract v1: one JSON message per event on {@code factory/v1/...}, profiles retained. */
public final class JsonEncoder implements MessageEncoder {

    private final TelemetryCodec codec;

    public JsonEncoder(TelemetryCodec codec) {
        this.codec = codec;
    }

    @Override
    public List<Outgoing> encode(TelemetryEvent event, int route) {
        Kind kind = event.kind();
        long millis = event.ts().toEpochMilli();
        return List.of(new Outgoing(event.station().mqttTopic(kind), codec.encodePayload(event), kind == Kind.PROFILE,
                kind, route, Origin.REAL, millis, millis));
    }
}
