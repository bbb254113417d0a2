package io.pilotwatch.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelemetryCodecTest {

    private static final String UNIT_TOPIC = "factory/v1/hz-gearbox/l1/eol/unit";
    private static final String STATE_TOPIC = "factory/v1/hz-gearbox/l1/cnc-03/state";

    private final TelemetryCodec codec = new TelemetryCodec();

    private TelemetryEvent accept(String topic, String json) {
        DecodeResult result = codec.decode(topic, json.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(DecodeResult.Accepted.class);
        return ((DecodeResult.Accepted) result).event();
    }

    private DecodeResult.Rejected reject(String topic, byte[] payload) {
        DecodeResult result = codec.decode(topic, payload);
        assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
        return (DecodeResult.Rejected) result;
    }

    private DecodeResult.Rejected reject(String topic, String json) {
        return reject(topic, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesUnitWithRfc3339TimesIntoTypedRecord() {
        TelemetryEvent event = accept(UNIT_TOPIC, "{\"seq\":7,\"boot\":2,\"ts\":\"2025-03-01T08:15:30+08:00\","
                + "\"unitId\":\"u-1\",\"startedAt\":\"2025-03-01T07:45:00+08:00\","
                + "\"completedAt\":\"2025-03-01T08:15:30+08:00\",\"result\":\"defect\",\"defectCode\":\"D7\"}");

        assertThat(event.station()).isEqualTo(new StationId("hz-gearbox", "l1", "eol"));
        assertThat(event.kind()).isEqualTo(Kind.UNIT);
        assertThat(event.seq()).isEqualTo(7);
        assertThat(event.boot()).isEqualTo(2);
        assertThat(event.ts()).isEqualTo(Instant.parse("2025-03-01T00:15:30Z"));
        assertThat(event.receivedAt()).isEmpty();
        Payload.Unit unit = (Payload.Unit) event.payload();
        assertThat(unit.unitId()).isEqualTo("u-1");
        assertThat(unit.result()).isEqualTo(UnitResult.DEFECT);
        assertThat(unit.defectCode()).contains("D7");
        assertThat(unit.productionCycle()).hasSeconds(30 * 60 + 30);
    }

    @Test
    void decodesEpochMillisTimesAndDefaultsBootToZero() {
        TelemetryEvent event = accept(UNIT_TOPIC, "{\"seq\":0,\"ts\":1740788400000,\"unitId\":\"u-2\","
                + "\"startedAt\":1740786310000,\"completedAt\":1740788400000,\"result\":\"good\"}");

        assertThat(event.boot()).isZero();
        assertThat(event.ts()).isEqualTo(Instant.ofEpochMilli(1740788400000L));
        assertThat(((Payload.Unit) event.payload()).startedAt()).isEqualTo(Instant.ofEpochMilli(1740786310000L));
        assertThat(((Payload.Unit) event.payload()).defectCode()).isEmpty();
    }

    @Test
    void decodesProfile() {
        TelemetryEvent event = accept("factory/v1/p/l/s/profile", "{\"seq\":0,\"ts\":0,\"process\":\"milling\","
                + "\"keyProcess\":true,\"cnc\":false,\"idealCycleSeconds\":95.5}");

        assertThat(event.payload()).isEqualTo(new Payload.Profile("milling", true, false, Optional.of(95.5)));
    }

    @Test
    void decodesState() {
        TelemetryEvent event = accept(STATE_TOPIC, "{\"seq\":3,\"ts\":\"2025-03-01T06:05:00Z\",\"state\":\"down\"}");

        assertThat(event.payload()).isEqualTo(new Payload.State(MachineState.DOWN));
    }

    @Test
    void decodesCostAsExactDecimals() {
        TelemetryEvent event = accept("factory/v1/p/l/s/cost", "{\"seq\":1,\"ts\":0,\"category\":\"energy\","
                + "\"amount\":999999999999.999999,\"currency\":\"CNY\",\"energyKwh\":24.50}");

        Payload.Cost cost = (Payload.Cost) event.payload();
        assertThat(cost.category()).isEqualTo(CostCategory.ENERGY);
        assertThat(cost.amount()).isEqualTo(new BigDecimal("999999999999.999999"));
        assertThat(cost.currency()).isEqualTo("CNY");
        assertThat(cost.energyKwh()).contains(new BigDecimal("24.5"));
    }

    @Test
    void acceptsTrailingZerosBeyondSixDecimalPlacesAndZeroWithAnyExponent() {
        // Only significant decimal places count: 1.50000000 is 1.5, and 0e-999999999 is 0.
        TelemetryEvent event = accept("factory/v1/p/l/s/cost", "{\"seq\":1,\"ts\":0,\"category\":\"energy\","
                + "\"amount\":1.50000000,\"currency\":\"CNY\",\"energyKwh\":0e-999999999}");

        Payload.Cost cost = (Payload.Cost) event.payload();
        assertThat(cost.amount()).isEqualTo(new BigDecimal("1.5"));
        assertThat(cost.energyKwh()).hasValueSatisfying(kwh -> assertThat(kwh.signum()).isZero());
    }

    @Test
    void keepsUnknownFieldsInOrder() {
        TelemetryEvent event = accept(STATE_TOPIC,
                "{\"seq\":1,\"ts\":0,\"state\":\"idle\",\"zeta\":{\"a\":[1,2]},\"alpha\":\"x\"}");

        assertThat(event.extra()).containsOnlyKeys("zeta", "alpha");
        assertThat(event.extra().keySet()).containsExactly("zeta", "alpha");
        assertThat(event.extra().get("zeta").get("a").get(1).intValue()).isEqualTo(2);
    }

    @Test
    void acceptsIdentityFieldsThatAgreeWithTheTopic() {
        TelemetryEvent event = accept(STATE_TOPIC,
                "{\"seq\":1,\"ts\":0,\"state\":\"idle\",\"plant\":\"hz-gearbox\",\"kind\":\"state\"}");

        assertThat(event.extra()).isEmpty();
    }

    @Test
    void normalizedFormRoundTripsEveryKind() {
        String[][] messages = {
                {UNIT_TOPIC, "{\"seq\":7,\"ts\":\"2025-03-01T08:15:30.123+08:00\",\"unitId\":\"u\",\"startedAt\":1,"
                        + "\"completedAt\":2,\"result\":\"scrap\",\"defectCode\":\"X\",\"extra\":[true,null]}"},
                {"factory/v1/p/l/s/profile", "{\"seq\":0,\"boot\":9,\"ts\":0,\"process\":\"p\",\"keyProcess\":false,"
                        + "\"cnc\":true}"},
                {STATE_TOPIC, "{\"seq\":1,\"ts\":5,\"state\":\"setup\"}"},
                {"factory/v1/p/l/s/cost", "{\"seq\":1,\"ts\":0,\"category\":\"other\",\"amount\":12.340,"
                        + "\"currency\":\"EUR\",\"note\":\"n\"}"},
        };
        for (String[] message : messages) {
            TelemetryEvent event = accept(message[0], message[1]).withReceivedAt(Instant.parse("2026-01-01T00:00:00.5Z"));

            DecodeResult again = codec.decodeNormalized(codec.encodeNormalized(event));

            assertThat(again).isEqualTo(new DecodeResult.Accepted(event));
        }
    }

    @Test
    void normalizedFormCarriesIdentityAndUtcTimes() {
        TelemetryEvent event = accept(STATE_TOPIC, "{\"seq\":1,\"ts\":\"2025-03-01T08:00:00+08:00\",\"state\":\"idle\"}")
                .withReceivedAt(Instant.parse("2025-03-01T00:00:01Z"));

        String json = new String(codec.encodeNormalized(event), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"plant\":\"hz-gearbox\",\"line\":\"l1\",\"station\":\"cnc-03\",\"kind\":\"state\","
                + "\"seq\":1,\"boot\":0,\"ts\":\"2025-03-01T00:00:00Z\",\"receivedAt\":\"2025-03-01T00:00:01Z\","
                + "\"state\":\"idle\"}");
    }

    @Test
    void devicePayloadRoundTrips() {
        TelemetryEvent event = accept(UNIT_TOPIC, "{\"seq\":7,\"ts\":1,\"unitId\":\"u\",\"startedAt\":1,"
                + "\"completedAt\":2,\"result\":\"good\",\"x\":1}");

        assertThat(codec.decode(UNIT_TOPIC, codec.encodePayload(event))).isEqualTo(new DecodeResult.Accepted(event));
    }

    @Test
    void normalizedEncodingNeedsReceivedAt() {
        TelemetryEvent event = accept(STATE_TOPIC, "{\"seq\":1,\"ts\":0,\"state\":\"idle\"}");

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> codec.encodeNormalized(event))
                .withMessageContaining("receivedAt");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            factory/v1/p/l/s                    | bad_topic    | 5 segments
            factory/v1/p/l/s/state/extra        | bad_topic    | 7 segments
            telemetry/p/l/s/state               | bad_topic    | must start with
            factory/v1/p/L1/s/state             | bad_topic    | line id 'L1'
            factory/v1/p/l/_s/state             | bad_topic    | station id '_s'
            factory/v1//l/s/state               | bad_topic    | plant id ''
            factory/v1/p/l/s/alarm              | unknown_kind | kind 'alarm'
            factory/v1/p/l/s/State              | unknown_kind | kind 'State'
            """)
    void rejectsBadTopics(String topic, String reason, String detail) {
        DecodeResult.Rejected rejected = reject(topic, "{\"seq\":1,\"ts\":0,\"state\":\"idle\"}");

        assertThat(rejected.reason().wireName()).isEqualTo(reason);
        assertThat(rejected.detail()).contains(detail);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {"seq":1,"ts":0,"state":"idle"} trailing                | bad_json      | payload is not valid UTF-8 JSON
            {"seq":1,"ts":0,"state":"idle"}{"seq":2}                | bad_json      | payload is not valid UTF-8 JSON
            {"seq":1,"seq":1,"ts":0,"state":"idle"}                 | bad_json      | Duplicate field 'seq'
            {"seq":NaN,"ts":0,"state":"idle"}                       | bad_json      | payload is not valid UTF-8 JSON
            42                                                      | bad_type      | payload must be a JSON object, got number
            {"seq":true,"ts":0,"state":"idle"}                      | bad_type      | field 'seq' must be an integer, got boolean
            {"seq":1,"ts":1.5,"state":"idle"}                       | bad_type      | field 'ts' must be an RFC 3339 string or integer epoch milliseconds
            {"seq":1,"ts":0,"state":7}                              | bad_type      | field 'state' must be a string, got number
            {"seq":1,"ts":0}                                        | missing_field | required field 'state' is missing
            {"seq":1,"state":"idle"}                                | missing_field | required field 'ts' is missing
            {"seq":99999999999999999999,"ts":0,"state":"idle"}      | out_of_range  | field 'seq' must be an integer from 0
            {"seq":1,"boot":-2,"ts":0,"state":"idle"}               | out_of_range  | field 'boot'
            {"seq":1,"ts":-1,"state":"idle"}                        | out_of_range  | field 'ts' as epoch milliseconds
            {"seq":1,"ts":253402300800000,"state":"idle"}           | out_of_range  | field 'ts' as epoch milliseconds
            {"seq":1,"ts":"yesterday","state":"idle"}               | bad_value     | field 'ts' must be an RFC 3339 time
            {"seq":1,"ts":0,"state":"IDLE"}                         | bad_value     | field 'state' must be one of running|idle|setup|down|off, got 'IDLE'
            {"seq":1,"ts":0,"state":"idle","station":"other"}       | bad_value     | field 'station' contradicts the topic
            {"seq":1,"ts":0,"state":"idle","kind":"unit"}           | bad_value     | field 'kind' contradicts the topic
            {"seq":1,"ts":0,"state":"idle","receivedAt":0}          | bad_value     | set by the bridge
            """)
    void rejectsBadStatePayloadsNamingTheField(String payload, String reason, String detail) {
        DecodeResult.Rejected rejected = reject(STATE_TOPIC, payload);

        assertThat(rejected.reason().wireName()).isEqualTo(reason);
        assertThat(rejected.detail()).contains(detail);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {"seq":1,"ts":0,"category":"fuel","amount":1,"currency":"CNY"}                | bad_value    | field 'category'
            {"seq":1,"ts":0,"category":"energy","amount":"1","currency":"CNY"}            | bad_type     | field 'amount' must be a number
            {"seq":1,"ts":0,"category":"energy","amount":1e13,"currency":"CNY"}           | out_of_range | field 'amount' must be from 0 to 1000000000000
            {"seq":1,"ts":0,"category":"energy","amount":1,"currency":"CN"}               | bad_value    | field 'currency' must be an ISO 4217 code
            {"seq":1,"ts":0,"category":"energy","amount":1,"currency":"CNY","energyKwh":-1} | out_of_range | field 'energyKwh'
            {"seq":1,"ts":0,"category":"energy","amount":0.1234567,"currency":"CNY"}      | out_of_range | field 'amount' has more than 6 decimal places, got 0.1234567
            {"seq":1,"ts":0,"category":"energy","amount":1e-7,"currency":"CNY"}           | out_of_range | field 'amount' has more than 6 decimal places
            {"seq":1,"ts":0,"category":"energy","amount":1,"currency":"CNY","energyKwh":2.0000001} | out_of_range | field 'energyKwh' has more than 6 decimal places
            {"seq":1,"ts":0,"category":"energy","amount":1e-999999999,"currency":"CNY"}   | out_of_range | field 'amount' has more than 6 decimal places, got 1E-999999999
            {"seq":1,"ts":0,"category":"energy","amount":1,"currency":"CNY","energyKwh":1E-2147483647} | out_of_range | field 'energyKwh' has more than 6 decimal places
            {"seq":1,"ts":0,"category":"energy","amount":1e999999999,"currency":"CNY"}    | out_of_range | field 'amount' must be from 0 to 1000000000000
            """)
    void rejectsBadCostPayloads(String payload, String reason, String detail) {
        DecodeResult.Rejected rejected = reject("factory/v1/p/l/s/cost", payload);

        assertThat(rejected.reason().wireName()).isEqualTo(reason);
        assertThat(rejected.detail()).contains(detail);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {"seq":1,"ts":0,"process":"m","keyProcess":true}                               | missing_field | field 'cnc'
            {"seq":1,"ts":0,"process":"m","keyProcess":1,"cnc":true}                       | bad_type      | field 'keyProcess' must be true or false
            {"seq":1,"ts":0,"process":"m","keyProcess":true,"cnc":true,"idealCycleSeconds":-3} | out_of_range | field 'idealCycleSeconds'
            {"seq":1,"ts":0,"process":"m","keyProcess":true,"cnc":true,"idealCycleSeconds":"9"} | bad_type    | field 'idealCycleSeconds'
            """)
    void rejectsBadProfilePayloads(String payload, String reason, String detail) {
        DecodeResult.Rejected rejected = reject("factory/v1/p/l/s/profile", payload);

        assertThat(rejected.reason().wireName()).isEqualTo(reason);
        assertThat(rejected.detail()).contains(detail);
    }

    @Test
    void rejectsUnitCompletedBeforeItStarted() {
        DecodeResult.Rejected rejected = reject(UNIT_TOPIC,
                "{\"seq\":1,\"ts\":0,\"unitId\":\"u\",\"startedAt\":10,\"completedAt\":9,\"result\":\"good\"}");

        assertThat(rejected.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(rejected.detail()).contains("'completedAt'").contains("'startedAt'");
    }

    @Test
    void rejectsOversizedPayloadBeforeParsing() {
        TelemetryCodec small = new TelemetryCodec(100);
        byte[] payload = ("{\"seq\":1,\"ts\":0,\"state\":\"idle\",\"pad\":\"" + "x".repeat(100) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        DecodeResult result = small.decode(STATE_TOPIC, payload);

        assertThat(result).isEqualTo(new DecodeResult.Rejected(RejectReason.TOO_LARGE,
                "payload is " + payload.length + " bytes, the limit is 100"));
    }

    @Test
    void defaultLimitIs64KiB() {
        String pad = "x".repeat(TelemetryCodec.DEFAULT_MAX_PAYLOAD_BYTES);

        assertThat(reject(STATE_TOPIC, "{\"seq\":1,\"ts\":0,\"state\":\"idle\",\"pad\":\"" + pad + "\"}").reason())
                .isEqualTo(RejectReason.TOO_LARGE);
    }

    @Test
    void rejectsInvalidUtf8AndEmptyPayloads() {
        byte[] latin1 = "{\"seq\":1,\"ts\":0,\"state\":\"idle\",\"who\":\"Jürgen\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(reject(STATE_TOPIC, latin1).reason()).isEqualTo(RejectReason.BAD_JSON);
        assertThat(reject(STATE_TOPIC, new byte[0]).detail()).isEqualTo("payload is empty");
        assertThat(reject(STATE_TOPIC, "   ").reason()).isEqualTo(RejectReason.BAD_JSON);
    }

    @Test
    void rejectsDeepNestingWithoutBlowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        DecodeResult.Rejected rejected = reject(STATE_TOPIC, "{\"seq\":1,\"ts\":0,\"state\":\"idle\",\"x\":" + deep + "}");

        assertThat(rejected.reason()).isEqualTo(RejectReason.BAD_JSON);
    }

    @Test
    void detailsOfHostileValuesAreClipped() {
        String longKind = "k".repeat(10_000);

        DecodeResult.Rejected rejected = reject("factory/v1/p/l/s/" + longKind, "{}");

        assertThat(rejected.detail().length()).isLessThan(200);
    }

    @Test
    void normalizedDecodingValidatesIdentityAndReceivedAt() {
        DecodeResult missing = codec.decodeNormalized(
                "{\"plant\":\"p\",\"line\":\"l\",\"station\":\"s\",\"kind\":\"state\",\"seq\":1,\"ts\":0,\"state\":\"idle\"}"
                        .getBytes(StandardCharsets.UTF_8));
        DecodeResult badPlant = codec.decodeNormalized(
                "{\"plant\":\"P!\",\"line\":\"l\",\"station\":\"s\",\"kind\":\"state\",\"seq\":1,\"ts\":0,\"receivedAt\":0,\"state\":\"idle\"}"
                        .getBytes(StandardCharsets.UTF_8));
        DecodeResult badKind = codec.decodeNormalized(
                "{\"plant\":\"p\",\"line\":\"l\",\"station\":\"s\",\"kind\":\"alarm\",\"seq\":1,\"ts\":0,\"receivedAt\":0}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(missing).isEqualTo(new DecodeResult.Rejected(RejectReason.MISSING_FIELD,
                "required field 'receivedAt' is missing"));
        assertThat(((DecodeResult.Rejected) badPlant).reason()).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(((DecodeResult.Rejected) badKind).reason()).isEqualTo(RejectReason.UNKNOWN_KIND);
    }

    @Test
    void stationIdRejectsInvalidIdsAndBuildsKeysAndTopics() {
        StationId id = new StationId("p1", "l-2", "s_3");

        assertThat(id.kafkaKey()).isEqualTo("p1/l-2");
        assertThat(id.mqttTopic(Kind.COST)).isEqualTo("factory/v1/p1/l-2/s_3/cost");
        assertThat(TopicAddress.tryParse(id.mqttTopic(Kind.COST))).contains(new TopicAddress(id, Kind.COST));
        assertThat(TopicAddress.tryParse("factory/v1/p1/l-2/s_3")).isEmpty();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new StationId("p1", "Line", "s"))
                .withMessageContaining("line id 'Line'");
    }
}
