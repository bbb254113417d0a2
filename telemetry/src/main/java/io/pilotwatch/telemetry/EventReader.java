package io.pilotwatch.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns a message's {@link ScannedObject} into a {@link TelemetryEvent}, or throws {@link Invalid}. */
final class EventReader {

    /** In the iteration order of {@link Fields#IDENTITY}, which decides which contradiction is reported first. */
    private static final List<KnownField> IDENTITY = Fields.IDENTITY.stream().map(KnownField::named).toList();

    private EventReader() {
    }

    /** A device payload: identity comes from the topic; identity fields in the payload must agree. */
    static TelemetryEvent readDevicePayload(ScannedObject object, TopicAddress address) {
        for (KnownField field : IDENTITY) {
            FieldValue value = object.get(field);
            String expected = field == KnownField.KIND ? address.kind().wireName() : identity(address.station(), field);
            if (value != null && !(value.isText() && value.text().equals(expected))) {
                throw new Invalid(RejectReason.BAD_VALUE, "field '" + field.wireName()
                        + "' contradicts the topic, which says '" + expected
                        + "'; leave it out (the topic names the station)");
            }
        }
        if (object.get(KnownField.RECEIVED_AT) != null) {
            throw new Invalid(RejectReason.BAD_VALUE,
                    "field 'receivedAt' is set by the bridge and must not be sent by devices");
        }
        return read(object, address.station(), address.kind(), Optional.empty());
    }

    /** A normalized record: identity and receivedAt are fields of the record itself. */
    static TelemetryEvent readNormalized(ScannedObject object) {
        Fields fields = new Fields(object);
        String plant = requiredId(fields, KnownField.PLANT);
        String line = requiredId(fields, KnownField.LINE);
        String station = requiredId(fields, KnownField.STATION);
        String kindName = fields.requiredString(KnownField.KIND, 16);
        Kind kind = Kind.fromWireName(kindName).orElseThrow(() -> new Invalid(RejectReason.UNKNOWN_KIND,
                "kind '" + Text.clip(kindName) + "' is not one of unit, profile, state, cost"));
        Instant receivedAt = fields.requiredTime(KnownField.RECEIVED_AT);
        return read(object, new StationId(plant, line, station), kind, Optional.of(receivedAt));
    }

    private static TelemetryEvent read(ScannedObject object, StationId station, Kind kind,
                                       Optional<Instant> receivedAt) {
        Fields fields = new Fields(object);
        long seq = fields.requiredNonNegativeLong(KnownField.SEQ);
        long boot = fields.optionalNonNegativeLong(KnownField.BOOT, 0);
        Instant ts = fields.requiredTime(KnownField.TS);
        Payload payload = switch (kind) {
            case UNIT -> readUnit(fields);
            case PROFILE -> new Payload.Profile(fields.requiredString(KnownField.PROCESS, 128),
                    fields.requiredBoolean(KnownField.KEY_PROCESS), fields.requiredBoolean(KnownField.CNC),
                    fields.optionalPositiveSeconds(KnownField.IDEAL_CYCLE_SECONDS));
            case STATE -> new Payload.State(fields.requiredEnum(KnownField.STATE, MachineState.class));
            case COST -> new Payload.Cost(fields.requiredEnum(KnownField.CATEGORY, CostCategory.class),
                    fields.requiredQuantity(KnownField.AMOUNT), fields.requiredCurrency(KnownField.CURRENCY),
                    fields.optionalQuantity(KnownField.ENERGY_KWH));
        };
        return new TelemetryEvent(station, seq, boot, ts, receivedAt, payload, object.extra(kind));
    }

    private static Payload.Unit readUnit(Fields fields) {
        String unitId = fields.requiredString(KnownField.UNIT_ID, 128);
        Instant startedAt = fields.requiredTime(KnownField.STARTED_AT);
        Instant completedAt = fields.requiredTime(KnownField.COMPLETED_AT);
        if (completedAt.isBefore(startedAt)) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field 'completedAt' (" + completedAt
                    + ") must not be before 'startedAt' (" + startedAt + ")");
        }
        return new Payload.Unit(unitId, startedAt, completedAt,
                fields.requiredEnum(KnownField.RESULT, UnitResult.class),
                fields.optionalString(KnownField.DEFECT_CODE, 64));
    }

    private static String requiredId(Fields fields, KnownField field) {
        String id = fields.requiredString(field, 64);
        if (!StationId.isValidId(id)) {
            throw new Invalid(RejectReason.BAD_VALUE, "field '" + field.wireName() + "' must match "
                    + StationId.ID_PATTERN.pattern() + ", got '" + Text.clip(id) + "'");
        }
        return id;
    }

    private static String identity(StationId station, KnownField field) {
        return switch (field) {
            case PLANT -> station.plant();
            case LINE -> station.line();
            default -> station.station();
        };
    }
}
