package io.pilotwatch.simulator.sim;

import io.pilotwatch.simulator.publish.MessageEncoder;
import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Outgoing;
import io.pilotwatch.simulator.truth.TruthRecorder;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a station's event into messages: numbers it, encodes it (JSON contract v1 or Sparkplug B), records
 * it in the ground truth and hands the messages to the first stage of the pipeline.
 */
final class Emitter {

    private final MessageEncoder encoder;
    private final TruthRecorder truth;
    private final MessageSink sink;
    private final long boot;

    /** @param boot the boot number of every message: no reboot is simulated during a run */
    Emitter(MessageEncoder encoder, TruthRecorder truth, MessageSink sink, long boot) {
        this.encoder = encoder;
        this.truth = truth;
        this.sink = sink;
        this.boot = boot;
    }

    void emit(StationModel station, long millis, Payload payload) {
        TelemetryEvent event = new TelemetryEvent(station.id, station.nextSeq(), boot,
                Instant.ofEpochMilli(millis), Optional.empty(), payload, Map.of());
        truth.record(station.truth, event);
        for (Outgoing message : encoder.encode(event, station.route)) {
            sink.accept(message);
        }
    }
}
