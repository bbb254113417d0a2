package io.pilotwatch.ingest.sparkplug;

import static io.pilotwatch.ingest.sparkplug.SparkplugHostTest.DBIRTH;
import static io.pilotwatch.ingest.sparkplug.SparkplugHostTest.DDATA;
import static io.pilotwatch.ingest.sparkplug.SparkplugHostTest.NBIRTH;
import static io.pilotwatch.ingest.sparkplug.TahuPayloads.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pilotwatch.ingest.forward.InflightLimiter;
import io.pilotwatch.ingest.forward.Inbound;
import io.pilotwatch.ingest.metrics.IngestMetrics;
import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.telemetry.TelemetryCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.Test;

/** Sparkplug messages become the same normalized records as the JSON contract's, or DLQ records with a reason. */
class SparkplugTranslatorTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-01T09:00:00.250Z");
    private final TelemetryCodec codec = new TelemetryCodec();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<SparkplugHost.EdgeNode> rebirths = new ArrayList<>();
    private final SparkplugTranslator translator = new SparkplugTranslator(
            new SparkplugHost(SparkplugHostTest.MAPPING, new SparkplugMetrics(registry), true, Duration.ofSeconds(30)),
            codec, new IngestMetrics(registry, new InflightLimiter(10, 1 << 20)), "telemetry", "dlq", rebirths::add);

    private List<ProducerRecord<byte[], byte[]>> translate(String topic, byte[] payload) {
        return translator.toRecords(new Inbound(topic, payload, 1, Optional.empty(), RECEIVED, () -> true), () -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(Headers.MQTT_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
            return headers;
        });
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aUnitBecomesExactlyTheNormalizedRecordOfTheSameUnitInJsonButForItsId() throws Exception {
        translate(NBIRTH, SparkplugHostTest.nbirth(1));
        translate(DBIRTH, SparkplugHostTest.dbirth(1, 1));
        Instant started = Instant.parse("2025-03-01T07:41:02Z");
        Instant completed = Instant.parse("2025-03-01T08:15:30Z");

        List<ProducerRecord<byte[], byte[]>> records = translate(DDATA,
                SparkplugHostTest.unitData(2, "GB-2025-000812", "OK", started, completed));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("telemetry");
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("hz-gearbox/l1");
            assertThat(header(record, Headers.MQTT_TOPIC)).isEqualTo(DDATA);
        });
        String json = "{\"seq\":1042,\"ts\":\"2025-03-01T08:15:30Z\",\"unitId\":\"GB-2025-000812\","
                + "\"startedAt\":\"2025-03-01T07:41:02Z\",\"completedAt\":\"2025-03-01T08:15:30Z\",\"result\":\"good\"}";
        byte[] fromJson = codec.encodeNormalized(((DecodeResult.Accepted) codec.decode(
                "factory/v1/hz-gearbox/l1/eol/unit", json.getBytes(StandardCharsets.UTF_8))).event().withReceivedAt(RECEIVED));
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode sparkplug = (ObjectNode) mapper.readTree(records.get(0).value());
        ObjectNode contract = (ObjectNode) mapper.readTree(fromJson);
        assertThat(sparkplug.remove("seq").asLong()).isEqualTo((completed.toEpochMilli() << 11) | (2L << 3));
        contract.remove("seq");
        assertThat(sparkplug.remove("boot").asLong()).isZero();
        contract.remove("boot");
        assertThat(sparkplug).isEqualTo(contract);
    }

    @Test
    void theWorkedExampleOfTheDocsGivesExactlyItsRecord() throws Exception {
        String node = "spBv1.0/Hangzhou-Gearbox/%s/Line-1";
        Instant completed = Instant.parse("2025-03-01T00:15:30Z");
        translate(node.formatted("NBIRTH"), SparkplugHostTest.nbirth(3));
        translate(node.formatted("DBIRTH") + "/EOL", SparkplugHostTest.dbirth(1, 1));

        List<ProducerRecord<byte[], byte[]>> records = translator.toRecords(new Inbound(node.formatted("DDATA") + "/EOL",
                SparkplugHostTest.unitData(2, "GB-2025-000812", "OK", Instant.parse("2025-02-28T23:41:02Z"), completed),
                1, Optional.empty(), Instant.parse("2025-03-01T00:15:30.120Z"), () -> true), RecordHeaders::new);

        String documented = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../docs/sparkplug.md")).stream()
                .map(String::strip).filter(line -> line.startsWith("{\"plant\":\"hz-gearbox\"")).findFirst().orElseThrow();
        assertThat(records).singleElement().satisfies(record ->
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(documented));
    }

    @Test
    void anEventTheContractRejectsGoesToTheDlqWithTheContractsReasonAndTheOthersGoThrough() {
        translate(NBIRTH, SparkplugHostTest.nbirth(1));
        translate(DBIRTH, SparkplugHostTest.dbirth(1, 1));
        byte[] data = payload().seq(2).alias(9, MetricDataType.Double, -5.0).alias(11, MetricDataType.String, "CNY")
                .alias(5, MetricDataType.Int32, 2).data();

        List<ProducerRecord<byte[], byte[]>> records = translate(DDATA, data);

        assertThat(records).extracting(ProducerRecord::topic).containsExactly("telemetry", "dlq");
        ProducerRecord<byte[], byte[]> dlq = records.get(1);
        assertThat(header(dlq, Headers.ERROR_REASON)).isEqualTo("out_of_range");
        assertThat(header(dlq, Headers.ERROR_DETAIL)).contains("cost event");
        assertThat(dlq.value()).isEqualTo(data);
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).contains("\"state\":\"idle\"");
    }

    @Test
    void dataBeforeBirthGoesToTheDlqAndAsksForARebirthAsPrimary() {
        byte[] data = SparkplugHostTest.unitData(5, "u1", "OK", RECEIVED, RECEIVED);

        List<ProducerRecord<byte[], byte[]>> records = translate(DDATA, data);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("dlq");
            assertThat(header(r, Headers.ERROR_REASON)).isEqualTo("sparkplug_no_birth");
        });
        assertThat(rebirths).containsExactly(new SparkplugHost.EdgeNode("hz-gearbox", "l1"));
    }

    @Test
    void aBirthWithNothingToSayGivesNoRecordAndAnOversizedMessageIsRejected() {
        assertThat(translate(NBIRTH, SparkplugHostTest.nbirth(1))).isEmpty();
        byte[] huge = payload().seq(1).named("Blob", MetricDataType.String, "x".repeat(70_000)).birth();
        assertThat(translate(DBIRTH, huge)).singleElement()
                .satisfies(r -> assertThat(header(r, Headers.ERROR_REASON)).isEqualTo("too_large"));
    }
}
