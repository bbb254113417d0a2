package io.pilotwatch.telemetry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Records of every kind with the variety the contract allows (every time form, optional fields present, absent or
 * null, unknown fields of every JSON type, any field order, whitespace, escapes), as a field-to-JSON-text map that
 * renders as the device payload or the normalized record, and mutations of them (byte flips, truncations, inserted
 * tokens, swapped, renamed, repeated and retyped fields) for the differential tests. Deterministic for a Random.
 */
final class RecordGenerator {

    private static final String[] EXTRA_VALUES = {"\"x\"", "1.50", "-0.0", "0", "-7", "123456789012345678901234567890",
            "{\"a\":[1,2.0,null,true,{}]}", "[]", "null", "false", "1e400", "2.5E-3", "\"\\u00e9\\n\\\"q\\\"\"",
            "\"杭州\"", "9223372036854775807", "-9223372036854775809"};
    private static final String[] EDGE_VALUES = {"-0", "-1", "1.0", "1e2", "1E+2", "0.000", "9223372036854775808",
            "99999999999999999999", "1e13", "1e12", "-1e-400", "true", "null", "\"\"", "{}", "[1]", "\"2025-03-01\"",
            "253402300799999", "253402300800000", "\"9999-12-31T23:59:59.9995Z\"", "\"1969-12-31T23:59:59Z\"",
            "\"+10000-01-01T00:00:00Z\"", "\"-0001-01-01T00:00:00Z\"", "\"2025-03-01T08:00:00+08\"", "\"energy\"",
            "\"CNY\"", "\"idle\"", "\"good\"", "100E-2147483645", "1e999999", "\"ABC\"", "\"a\\u0000b\"",
            "1e-999999999", "0.1234567", "2.50000000"};
    private static final String[] TOKENS = {",", "}", "{", "]", "[", "\"", ":", "null", "1e999999", "\"x\"", "\\",
            "\u0000", " ", "-", "NaN", "/*", "'", "\n"};
    private static final String[] RESULTS = {"good", "defect", "scrap", "rework"};
    private static final String[] STATES = {"running", "idle", "setup", "down", "off"};
    private static final String[] CATEGORIES = {"energy", "labor", "material", "maintenance", "other"};
    private static final String[] KNOWN = {"seq", "boot", "ts", "plant", "line", "station", "kind", "receivedAt",
            "unitId", "startedAt", "completedAt", "result", "defectCode", "process", "keyProcess", "cnc",
            "idealCycleSeconds", "state", "category", "amount", "currency", "energyKwh"};

    /** One record: its station, kind and fields (payload fields and identity fields apart). */
    record Generated(String plant, String line, String station, Kind kind, Map<String, String> fields,
                     String receivedAt) {

        String topic() {
            return "factory/v1/" + plant + "/" + line + "/" + station + "/" + kind.wireName();
        }

        /** The normalized record: identity, kind and receivedAt added. */
        Map<String, String> normalized() {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("plant", quote(plant));
            all.put("line", quote(line));
            all.put("station", quote(station));
            all.put("kind", quote(kind.wireName()));
            all.put("receivedAt", receivedAt);
            all.putAll(fields);
            return all;
        }
    }

    private final Random random;

    RecordGenerator(Random random) {
        this.random = random;
    }

    Generated next() {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        Map<String, String> fields = new LinkedHashMap<>();
        long ts = random.nextLong(1_500_000_000_000L, 1_900_000_000_000L);
        fields.put("seq", String.valueOf(random.nextInt(4) == 0 ? random.nextInt(10) : random.nextLong(1L << 40)));
        optional(fields, "boot", String.valueOf(random.nextInt(1000)));
        fields.put("ts", time(ts));
        switch (kind) {
            case UNIT -> {
                fields.put("unitId", pick("\"u-1\"", "\"GB-2025-000812\"", "\"杭州-7\"", "\"\\u00e9-\\/-1\""));
                fields.put("startedAt", time(ts - random.nextInt(7_200_000)));
                fields.put("completedAt", time(ts));
                fields.put("result", quote(pick(RESULTS)));
                optional(fields, "defectCode", "\"D-BURR\"");
            }
            case PROFILE -> {
                fields.put("process", pick("\"milling\"", "\"assembly\"", "\"p\""));
                fields.put("keyProcess", String.valueOf(random.nextBoolean()));
                fields.put("cnc", String.valueOf(random.nextBoolean()));
                optional(fields, "idealCycleSeconds", pick("95.5", "60", "1.5e2", "0.001", "1000000", "95.50"));
            }
            case STATE -> fields.put("state", quote(pick(STATES)));
            case COST -> {
                fields.put("category", quote(pick(CATEGORIES)));
                fields.put("amount", pick("18.62", "960", "0", "12.340", "1.5E2", "0.000001", "999999999999.999999",
                        "1e12", String.valueOf(random.nextInt(100_000) / 100.0)));
                fields.put("currency", quote(pick("CNY", "EUR", "USD")));
                optional(fields, "energyKwh", pick("24.5", "24.50", "0", "3"));
            }
        }
        for (int extra = random.nextInt(4) == 0 ? random.nextInt(3) + 1 : 0; extra > 0; extra--) {
            fields.put(pick("note", "shift", "x", "zeta", "meta", "Seq"), pick(EXTRA_VALUES));
        }
        if (random.nextInt(4) == 0) {
            shuffle(fields);
        }
        return new Generated("plant-" + random.nextInt(3), "l" + random.nextInt(3), pick("eol", "cnc-03", "st_1"),
                kind, fields, time(ts + 150));
    }

    /** A device payload with, now and then, identity fields that agree with the topic. */
    String payload(Generated record) {
        Map<String, String> fields = new LinkedHashMap<>(record.fields());
        if (random.nextInt(8) == 0) {
            fields.put(pick("plant", "kind", "station"), quote(switch (random.nextInt(3)) {
                case 0 -> record.plant();
                case 1 -> record.kind().wireName();
                default -> record.station();
            }));
        }
        return render(fields);
    }

    /** The fields as a JSON object, compact or with whitespace. */
    String render(Map<String, String> fields) {
        boolean spaced = random.nextInt(5) == 0;
        StringBuilder json = new StringBuilder(spaced ? "{ " : "{");
        fields.forEach((name, value) -> json.append(json.length() > 2 ? (spaced ? ",\n  " : ",") : "")
                .append(quote(name)).append(spaced ? " : " : ":").append(value));
        return json.append(spaced ? " }\n" : "}").toString();
    }

    /** The fields changed as a careless or hostile producer would: retyped, renamed, repeated, removed, moved. */
    Map<String, String> mutateFields(Map<String, String> fields) {
        Map<String, String> mutated = new LinkedHashMap<>(fields);
        List<String> names = new ArrayList<>(mutated.keySet());
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(5)) {
            case 0 -> mutated.put(name, pick(EDGE_VALUES));
            case 1 -> mutated.put(name, mutated.get(names.get(random.nextInt(names.size()))));
            case 2 -> mutated.remove(name);
            case 3 -> mutated.put(pick(KNOWN), random.nextBoolean() ? mutated.get(name) : pick(EDGE_VALUES));
            default -> {
                Map<String, String> renamed = new LinkedHashMap<>();
                String to = pick(KNOWN);
                mutated.forEach((key, value) -> renamed.putIfAbsent(key.equals(name) ? to : key, value));
                mutated = renamed;
            }
        }
        return mutated;
    }

    /** The rendered record with bytes flipped, cut off, deleted, repeated or inserted. */
    byte[] mutateBytes(String json) {
        StringBuilder text = new StringBuilder(json);
        int at = random.nextInt(text.length());
        switch (random.nextInt(5)) {
            case 0 -> text.insert(at, pick(TOKENS));
            case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(4)));
            case 2 -> text.setLength(at);
            case 3 -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(12))));
            default -> {
                byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                return bytes;
            }
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The topic changed: a segment added, removed, emptied, upper-cased or given a wildcard or odd character. */
    String mutateTopic(String topic) {
        StringBuilder text = new StringBuilder(topic);
        int at = random.nextInt(text.length() + 1);
        switch (random.nextInt(4)) {
            case 0 -> text.insert(at, pick("/", "//", "+", "#", "A", "_", "-", " ", "é", "x".repeat(64)));
            case 1 -> text.delete(Math.min(at, text.length() - 1), Math.min(text.length(), at + 1 + random.nextInt(6)));
            case 2 -> text.replace(0, text.length(), text.toString().toUpperCase(java.util.Locale.ROOT));
            default -> text.append(pick("/", "/x", ""));
        }
        return text.toString();
    }

    private String time(long millis) {
        Instant instant = Instant.ofEpochMilli(millis).plusNanos(random.nextInt(4) == 0 ? random.nextInt(1_000_000) : 0);
        ZoneOffset offset = ZoneOffset.ofHoursMinutes(8, 0);
        return switch (random.nextInt(8)) {
            case 0, 1 -> quote(instant.toString());
            case 2 -> quote(OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            case 3 -> quote(OffsetDateTime.ofInstant(instant, ZoneOffset.ofHoursMinutes(-5, -30)).toString());
            case 4 -> String.valueOf(millis);
            case 5 -> quote(instant.toString().toLowerCase(java.util.Locale.ROOT));
            case 6 -> quote(OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), offset)
                    + "").replace(":00+08:00", "+08:00").replace("+08:00", pick("+08:00", "+08", "+08:00:00"));
            default -> quote(instant.toString().replace("Z", "+00:00"));
        };
    }

    private void optional(Map<String, String> fields, String name, String value) {
        switch (random.nextInt(3)) {
            case 0 -> fields.put(name, value);
            case 1 -> fields.put(name, "null");
            default -> {
            }
        }
    }

    private void shuffle(Map<String, String> fields) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(fields.entrySet());
        Collections.shuffle(entries, random);
        fields.clear();
        entries.forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }
}
