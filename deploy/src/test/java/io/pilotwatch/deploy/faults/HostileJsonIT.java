package io.pilotwatch.deploy.faults;

import static io.pilotwatch.testkit.corpus.HostileCase.loadAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.pilotwatch.testkit.corpus.HostileCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON hostile corpus (telemetry/src/test/resources/hostile/*.case) against the real bridge (listen mode) and
 * analytics, each a child JVM: every case is acknowledged once its DLQ record, with the case's reason, is in Kafka;
 * after every case the witness device's valid message is acknowledged only with its record in Kafka; after every
 * reason group the analytics has counted each witness message. Plus the topic of 64 KiB, which a case file's header
 * line cannot hold. {@code HostileCorpusTest} checks the same files against the codec alone, {@code HostileInputIT}
 * through Mosquitto and the in-process bridge in subscribe mode.
 */
@RealBrokers
class HostileJsonIT {

    private static final Path CORPUS = Path.of("..", "telemetry", "src", "test", "resources", "hostile");
    private static final int MAX_PAYLOAD = 64 * 1024;
    @TempDir
    static Path dir;
    private static HostileRig rig;

    @BeforeAll
    static void start(KafkaBroker kafka) throws Exception {
        rig = HostileRig.start(kafka, "hostile-json", dir, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void everyCaseGoesToTheDlqWithItsReasonAndValidTrafficKeepsFlowing() throws Exception {
        List<HostileCase> cases = loadAll(CORPUS).stream().filter(c -> c.notOverMqtt().isEmpty()).toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        Map<String, List<HostileCase>> byReason = cases.stream()
                .collect(Collectors.groupingBy(HostileCase::reason, TreeMap::new, Collectors.toList()));
        Map<String, Double> rejectedBefore = new TreeMap<>();
        byReason.keySet().forEach(reason -> rejectedBefore.put(reason,
                rig.bridgeMetric("ingest_messages_rejected_total", "reason=\"" + reason + "\"")));
        MqttClient device = rig.connect("dev", "hostile-json-device");
        List<String> closedCases = new ArrayList<>();
        for (Map.Entry<String, List<HostileCase>> group : byReason.entrySet()) {
            for (HostileCase hostile : group.getValue()) {
                if (overFrameLimit(hostile)) {
                    // Over the listen port's frame limit (1 MiB): the connection is closed, nothing acknowledged.
                    MqttClient oversized = rig.connect("dev", "hostile-json-oversized");
                    assertThatThrownBy(() -> oversized.publish(hostile.topic(), hostile.payload(), 1, false))
                            .as(hostile.name()).isInstanceOf(MqttException.class);
                    oversized.close(true);
                    closedCases.add(hostile.name());
                } else {
                    device.publish(hostile.topic(), hostile.payload(), 1, false); // returns at the PUBACK
                }
                rig.witnessStillFlows(hostile.name());
            }
            rig.analyticsCountsEveryWitnessMessage("the " + group.getKey() + " cases");
        }
        device.disconnect();
        assertThat(closedCases).as("cases answered by closing the connection").containsExactly("80-oversized-1mib");
        List<HostileCase> dlqCases = cases.stream().filter(c -> !overFrameLimit(c)).toList();

        try (TopicContents dlq = rig.dlq()) {
            // Every case was acknowledged, so every DLQ record is already there.
            dlq.awaitUntil(d -> d.records().size() >= dlqCases.size(), java.time.Duration.ofSeconds(30))
                    .drain(java.time.Duration.ofSeconds(1));
            Map<String, String> reasonByCase = new TreeMap<>();
            for (HostileCase hostile : dlqCases) {
                ConsumerRecord<byte[], byte[]> record = dlq.records().stream()
                        .filter(r -> hostile.topic().equals(header(r, Headers.MQTT_TOPIC))
                                && Arrays.equals(dlqValue(hostile.payload()), r.value() == null ? new byte[0] : r.value()))
                        .findFirst().orElseThrow(() -> new AssertionError("not in the DLQ: " + hostile));
                reasonByCase.put(hostile.name(), header(record, Headers.ERROR_REASON));
            }
            assertThat(reasonByCase).as("DLQ reason by case")
                    .isEqualTo(dlqCases.stream().collect(Collectors.toMap(HostileCase::name, HostileCase::reason,
                            (a, b) -> a, TreeMap::new)));
            // The other test's 64 KiB topic may be there too; no case left a second record.
            assertThat(dlq.records().stream().filter(r -> header(r, Headers.MQTT_TOPIC).length() < 1000))
                    .as("DLQ records: one per case").hasSize(dlqCases.size());
        }
        Map<String, Long> expected = dlqCases.stream().collect(Collectors.groupingBy(HostileCase::reason,
                TreeMap::new, Collectors.counting()));
        Map<String, Long> counted = expected.keySet().stream().collect(Collectors.toMap(Function.identity(),
                reason -> (long) (rig.bridgeMetric("ingest_messages_rejected_total", "reason=\"" + reason + "\"")
                        - rejectedBefore.get(reason)),
                (a, b) -> a, TreeMap::new));
        assertThat(counted).as("ingest_messages_rejected_total by reason").isEqualTo(expected);
        System.out.println("HostileJsonIT cases by reason: " + expected);
    }

    /**
     * A topic of 65,535 bytes, the most an MQTT string holds (a station id far over its 64 characters): the bridge
     * takes the frame and puts the message in the DLQ as bad_topic, with the topic header cut to what Kafka takes.
     */
    @Test
    void aTopicOf64KibGoesToTheDlqAsBadTopic() throws Exception {
        String prefix = "factory/v1/hz-gearbox/l1/";
        String suffix = "/state";
        String topic = prefix + "s".repeat(65_535 - prefix.length() - suffix.length()) + suffix;
        assertThat(topic.getBytes(StandardCharsets.UTF_8)).hasSize(65_535);
        double rejectedBefore = rig.bridgeMetric("ingest_messages_rejected_total", "reason=\"bad_topic\"");
        MqttClient device = rig.connect("dev", "hostile-json-long-topic");
        device.publish(topic, "{\"seq\":1,\"ts\":1740787200000,\"state\":\"idle\"}".getBytes(StandardCharsets.UTF_8),
                1, false);
        device.disconnect();
        assertThat(rig.bridgeMetric("ingest_messages_rejected_total", "reason=\"bad_topic\""))
                .as("bad_topic counted before the PUBACK").isEqualTo(rejectedBefore + 1);
        rig.witnessStillFlows("a 64 KiB topic");
        rig.analyticsCountsEveryWitnessMessage("a 64 KiB topic");
    }

    /** Payload, topic and header over the 1 MiB frame the listen port takes ({@code ListenSource}). */
    private static boolean overFrameLimit(HostileCase hostile) {
        return hostile.payload().length + hostile.topic().length() + 16 > 1024 * 1024;
    }

    /**
     * A device whose clock is three years ahead: valid to the bridge (the contract allows up to 9999), refused by the
     * analytics (more than its future skew ahead). Before EventTimeExtractor kept the broker timestamp for such a
     * record, the analytics' DLQ write carried the event time, Kafka refused it (more than 1 h ahead) and Kafka
     * Streams stopped for good: this test failed with the analytics never counting the witness again.
     */
    @Test
    void aDeviceClockYearsAheadGoesToTheAnalyticsDlqAndTheAnalyticsGoesOn(KafkaBroker kafka) throws Exception {
        MqttClient device = rig.connect("dev", "hostile-json-future");
        long threeYears = java.time.Duration.ofDays(3 * 365).toMillis();
        device.publish("factory/v1/hz-gearbox/l1/future/state", ("{\"seq\":7,\"ts\":"
                + (System.currentTimeMillis() + threeYears) + ",\"state\":\"idle\"}").getBytes(StandardCharsets.UTF_8),
                1, false);
        device.disconnect();
        rig.witnessStillFlows("an event three years ahead");
        rig.analyticsCountsEveryWitnessMessage("an event three years ahead");
        try (TopicContents analyticsDlq = new TopicContents(kafka.bootstrapServers(), rig.run + ".analytics-dlq")) {
            analyticsDlq.awaitUntil(d -> d.records().stream().anyMatch(r -> "out_of_range".equals(
                    header(r, Headers.ERROR_REASON)) && header(r, Headers.ERROR_DETAIL).contains("ahead of the analytics clock")),
                    java.time.Duration.ofSeconds(30));
        }
    }

    private static byte[] dlqValue(byte[] payload) {
        return payload.length > MAX_PAYLOAD ? Arrays.copyOf(payload, MAX_PAYLOAD) : payload;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
