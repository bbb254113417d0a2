package io.pilotwatch.simulator.sim;

import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.simulator.publish.Outgoing;
import io.pilotwatch.simulator.truth.TruthRecorder;
import io.pilotwatch.telemetry.Kind;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a station's event into a contract v1 message: numbers it, encodes it with the shared codec, records
 * it in the ground truth and hands it to the first stage of the pipeline.
 */
final class Emitter {

    private final TelemetryCodec codec;
    private final TruthRecorder truth;
    private final MessageSink sink;
    private final long boot;

    /** @param boot the boot number of every message: no reboot is simulated during a run */
    Emitter(TelemetryCodec codec, TruthRecorder truth, MessageSink sink, long boot) {
        this.codec = codec;
        this.truth = truth;
        this.sink = sink;
        this.boot = boot;
    }

    void emit(StationModel station, long millis, Payload payload) {
        TelemetryEvent event = new TelemetryEvent(station.id, station.nextSeq(), boot,
                Instant.ofEpochMilli(millis), Optional.empty(), payload, Map.of());
        byte[] bytes = codec.encodePayload(event);
        truth.record(station.truth, event);
        Kind kind = payload.kind();
        sink.accept(new Outgoing(station.topic(kind), bytes, kind == Kind.PROFILE, kind, station.route, Origin.REAL,
                millis, millis));
    }
}
