package io.pilotwatch.telemetry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes events as JSON: the device payload form and the normalized form. */
final class EventWriter {

    private final ObjectMapper mapper;

    EventWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] write(TelemetryEvent event, boolean normalized) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            if (normalized) {
                json.writeStringField(Fields.PLANT, event.station().plant());
                json.writeStringField(Fields.LINE, event.station().line());
                json.writeStringField(Fields.STATION, event.station().station());
                json.writeStringField(Fields.KIND, event.kind().wireName());
            }
            json.writeNumberField(Fields.SEQ, event.seq());
            json.writeNumberField(Fields.BOOT, event.boot());
            json.writeStringField(Fields.TS, Timestamps.write(event.ts()));
            if (normalized) {
                json.writeStringField(Fields.RECEIVED_AT, Timestamps.write(event.receivedAt().orElseThrow(() ->
                        new IllegalArgumentException("a normalized event needs receivedAt"))));
            }
            writePayload(json, event.payload());
            for (Map.Entry<String, JsonNode> extra : event.extra().entrySet()) {
                json.writeFieldName(extra.getKey());
                mapper.writeTree(json, extra.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void writePayload(JsonGenerator json, Payload payload) throws IOException {
        if (payload instanceof Payload.Unit unit) {
            json.writeStringField(Fields.UNIT_ID, unit.unitId());
            json.writeStringField(Fields.STARTED_AT, Timestamps.write(unit.startedAt()));
            json.writeStringField(Fields.COMPLETED_AT, Timestamps.write(unit.completedAt()));
            json.writeStringField(Fields.RESULT, unit.result().wireName());
            if (unit.defectCode().isPresent()) {
                json.writeStringField(Fields.DEFECT_CODE, unit.defectCode().get());
            }
        } else if (payload instanceof Payload.Profile profile) {
            json.writeStringField(Fields.PROCESS, profile.process());
            json.writeBooleanField(Fields.KEY_PROCESS, profile.keyProcess());
            json.writeBooleanField(Fields.CNC, profile.cnc());
            if (profile.idealCycleSeconds().isPresent()) {
                json.writeNumberField(Fields.IDEAL_CYCLE_SECONDS, profile.idealCycleSeconds().get());
            }
        } else if (payload instanceof Payload.State state) {
            json.writeStringField(Fields.STATE, state.state().wireName());
        } else if (payload instanceof Payload.Cost cost) {
            json.writeStringField(Fields.CATEGORY, cost.category().wireName());
            json.writeNumberField(Fields.AMOUNT, cost.amount());
            json.writeStringField(Fields.CURRENCY, cost.currency());
            if (cost.energyKwh().isPresent()) {
                json.writeNumberField(Fields.ENERGY_KWH, cost.energyKwh().get());
            }
        } else {
            throw new IllegalStateException("unknown payload type " + payload.getClass());
        }
    }
}
