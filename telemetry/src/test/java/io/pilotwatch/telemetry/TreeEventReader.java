package io.pilotwatch.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The oracle's reader: the codec's {@code EventReader} as it was before the streaming reader (commit a65469d), which
 * turns a parsed JSON tree into a {@link TelemetryEvent}, kept unchanged but for names. Test scope only.
 */
final class TreeEventReader {

    private static final Set<String> COMMON = Set.of(Fields.SEQ, Fields.BOOT, Fields.TS, Fields.PLANT,
            Fields.LINE, Fields.STATION, Fields.KIND, Fields.RECEIVED_AT);
    private static final Map<Kind, Set<String>> KIND_FIELDS = Map.of(
            Kind.UNIT, Set.of(Fields.UNIT_ID, Fields.STARTED_AT, Fields.COMPLETED_AT, Fields.RESULT,
                    Fields.DEFECT_CODE),
            Kind.PROFILE, Set.of(Fields.PROCESS, Fields.KEY_PROCESS, Fields.CNC, Fields.IDEAL_CYCLE_SECONDS),
            Kind.STATE, Set.of(Fields.STATE),
            Kind.COST, Set.of(Fields.CATEGORY, Fields.AMOUNT, Fields.CURRENCY, Fields.ENERGY_KWH));

    private TreeEventReader() {
    }

    /** A device payload: identity comes from the topic; identity fields in the payload must agree. */
    static TelemetryEvent readDevicePayload(JsonNode root, TopicAddress address) {
        ObjectNode object = requireObject(root);
        for (String field : Fields.IDENTITY) {
            JsonNode node = object.get(field);
            String expected = field.equals(Fields.KIND) ? address.kind().wireName() : identity(address.station(), field);
            if (node != null && !(node.isTextual() && node.textValue().equals(expected))) {
                throw new Invalid(RejectReason.BAD_VALUE, "field '" + field + "' contradicts the topic, which says '"
                        + expected + "'; leave it out (the topic names the station)");
            }
        }
        if (object.has(Fields.RECEIVED_AT)) {
            throw new Invalid(RejectReason.BAD_VALUE,
                    "field 'receivedAt' is set by the bridge and must not be sent by devices");
        }
        return read(object, address.station(), address.kind(), Optional.empty());
    }

    /** A normalized record: identity and receivedAt are fields of the record itself. */
    static TelemetryEvent readNormalized(JsonNode root) {
        ObjectNode object = requireObject(root);
        TreeFields fields = new TreeFields(object);
        String plant = requiredId(fields, Fields.PLANT);
        String line = requiredId(fields, Fields.LINE);
        String station = requiredId(fields, Fields.STATION);
        String kindName = fields.requiredString(Fields.KIND, 16);
        Kind kind = Kind.fromWireName(kindName).orElseThrow(() -> new Invalid(RejectReason.UNKNOWN_KIND,
                "kind '" + Text.clip(kindName) + "' is not one of unit, profile, state, cost"));
        Instant receivedAt = fields.requiredTime(Fields.RECEIVED_AT);
        return read(object, new StationId(plant, line, station), kind, Optional.of(receivedAt));
    }

    private static TelemetryEvent read(ObjectNode object, StationId station, Kind kind, Optional<Instant> receivedAt) {
        TreeFields fields = new TreeFields(object);
        long seq = fields.requiredNonNegativeLong(Fields.SEQ);
        long boot = fields.optionalNonNegativeLong(Fields.BOOT, 0);
        Instant ts = fields.requiredTime(Fields.TS);
        Payload payload = switch (kind) {
            case UNIT -> readUnit(fields);
            case PROFILE -> new Payload.Profile(fields.requiredString(Fields.PROCESS, 128),
                    fields.requiredBoolean(Fields.KEY_PROCESS), fields.requiredBoolean(Fields.CNC),
                    fields.optionalPositiveSeconds(Fields.IDEAL_CYCLE_SECONDS));
            case STATE -> new Payload.State(fields.requiredEnum(Fields.STATE, MachineState.class));
            case COST -> new Payload.Cost(fields.requiredEnum(Fields.CATEGORY, CostCategory.class),
                    fields.requiredQuantity(Fields.AMOUNT), fields.requiredCurrency(Fields.CURRENCY),
                    fields.optionalQuantity(Fields.ENERGY_KWH));
        };
        return new TelemetryEvent(station, seq, boot, ts, receivedAt, payload, extra(object, kind));
    }

    private static Payload.Unit readUnit(TreeFields fields) {
        String unitId = fields.requiredString(Fields.UNIT_ID, 128);
        Instant startedAt = fields.requiredTime(Fields.STARTED_AT);
        Instant completedAt = fields.requiredTime(Fields.COMPLETED_AT);
        if (completedAt.isBefore(startedAt)) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field 'completedAt' (" + completedAt
                    + ") must not be before 'startedAt' (" + startedAt + ")");
        }
        return new Payload.Unit(unitId, startedAt, completedAt, fields.requiredEnum(Fields.RESULT, UnitResult.class),
                fields.optionalString(Fields.DEFECT_CODE, 64));
    }

    private static Map<String, JsonNode> extra(ObjectNode object, Kind kind) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        Set<String> known = KIND_FIELDS.get(kind);
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!COMMON.contains(field.getKey()) && !known.contains(field.getKey())) {
                extra.put(field.getKey(), field.getValue());
            }
        }
        return extra;
    }

    private static ObjectNode requireObject(JsonNode root) {
        if (!(root instanceof ObjectNode object)) {
            throw new Invalid(RejectReason.BAD_TYPE, "payload must be a JSON object, got " + TreeFields.typeName(root));
        }
        return object;
    }

    private static String requiredId(TreeFields fields, String field) {
        String id = fields.requiredString(field, 64);
        if (!StationId.ID_PATTERN.matcher(id).matches()) { // StationId.isValidId as it was
            throw new Invalid(RejectReason.BAD_VALUE, "field '" + field + "' must match "
                    + StationId.ID_PATTERN.pattern() + ", got '" + Text.clip(id) + "'");
        }
        return id;
    }

    private static String identity(StationId station, String field) {
        return switch (field) {
            case Fields.PLANT -> station.plant();
            case Fields.LINE -> station.line();
            default -> station.station();
        };
    }
}
