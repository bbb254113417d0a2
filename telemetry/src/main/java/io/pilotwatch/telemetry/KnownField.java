package io.pilotwatch.telemetry;

import java.util.HashMap;
import java.util.Map;

/** The fields contract v1 defines, each common to every kind or belonging to one kind. */
enum KnownField {
    SEQ(Fields.SEQ, null),
    BOOT(Fields.BOOT, null),
    TS(Fields.TS, null),
    PLANT(Fields.PLANT, null),
    LINE(Fields.LINE, null),
    STATION(Fields.STATION, null),
    KIND(Fields.KIND, null),
    RECEIVED_AT(Fields.RECEIVED_AT, null),
    UNIT_ID(Fields.UNIT_ID, Kind.UNIT),
    STARTED_AT(Fields.STARTED_AT, Kind.UNIT),
    COMPLETED_AT(Fields.COMPLETED_AT, Kind.UNIT),
    RESULT(Fields.RESULT, Kind.UNIT),
    DEFECT_CODE(Fields.DEFECT_CODE, Kind.UNIT),
    PROCESS(Fields.PROCESS, Kind.PROFILE),
    KEY_PROCESS(Fields.KEY_PROCESS, Kind.PROFILE),
    CNC(Fields.CNC, Kind.PROFILE),
    IDEAL_CYCLE_SECONDS(Fields.IDEAL_CYCLE_SECONDS, Kind.PROFILE),
    STATE(Fields.STATE, Kind.STATE),
    CATEGORY(Fields.CATEGORY, Kind.COST),
    AMOUNT(Fields.AMOUNT, Kind.COST),
    CURRENCY(Fields.CURRENCY, Kind.COST),
    ENERGY_KWH(Fields.ENERGY_KWH, Kind.COST);

    private static final Map<String, KnownField> BY_NAME = new HashMap<>();

    static {
        for (KnownField field : values()) {
            BY_NAME.put(field.wireName, field);
        }
    }

    private final String wireName;
    private final Kind kind;

    KnownField(String wireName, Kind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    /** The field with this (case-sensitive) name, or null if the contract does not define it. */
    static KnownField named(String name) {
        return BY_NAME.get(name);
    }

    /** The field's name in JSON. */
    String wireName() {
        return wireName;
    }

    /** Whether an event of {@code eventKind} interprets this field; if not, it is kept as an unknown field. */
    boolean belongsTo(Kind eventKind) {
        return kind == null || kind == eventKind;
    }
}
