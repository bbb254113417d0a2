package io.pilotwatch.ingest;

import static io.pilotwatch.ingest.KafkaTopicReader.header;
import static io.pilotwatch.ingest.KafkaTopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.ingest.forward.PlantPartitioner;
import io.pilotwatch.support.config.ConfigSource;
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.pilotwatch.testkit.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntBiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** Subscribe mode against a real Mosquitto and a real Kafka. */
@RealBrokers
class SubscribeModeIT {

    private static Map<String, String> config(KafkaBroker kafka, MqttBroker mqtt, String topicSuffix) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("kafka.topic.telemetry", "telemetry-" + topicSuffix);
        config.put("kafka.topic.dlq", "dlq-" + topicSuffix);
        config.put("mqtt.url", mqtt.url());
        config.put("mqtt.client.id", "bridge-" + topicSuffix);
        config.put("ingest.bridge.id", "it-bridge");
        config.put("http.port", "0");
        config.put("mqtt.reconnect.initial.ms", "100");
        config.put("mqtt.reconnect.max.ms", "1000");
        return config;
    }

    static MqttClient publisher(MqttBroker mqtt) throws Exception {
        MqttClient client = new MqttClient(mqtt.url(), "pub-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1000);
        client.connect(options);
        return client;
    }

    static String state(int seq) {
        return "{\"seq\":" + seq + ",\"ts\":1740787200000,\"state\":\"running\"}";
    }

    @Test
    void everyQos1MessageIsInKafkaWithKeyAndHeadersAndInvalidOnesInTheDlq(KafkaBroker kafka, MqttBroker mqtt)
            throws Exception {
        String suffix = "all";
        try (RunningBridge bridge = new RunningBridge(config(kafka, mqtt, suffix))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> bridge.bridge.readiness().values().stream()
                    .allMatch(Boolean::booleanValue));
            MqttClient publisher = publisher(mqtt);
            for (int seq = 0; seq < 200; seq++) {
                publisher.publish("factory/v1/p1/l" + (seq % 2) + "/s1/state", state(seq).getBytes(StandardCharsets.UTF_8), 1, false);
            }
            publisher.publish("factory/v1/p1/l0/s1/state", "{\"seq\":1}".getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.publish("factory/v1/p1/l0/s1/alarm", state(1).getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.disconnect();

            try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "telemetry-" + suffix);
                 KafkaTopicReader dlq = new KafkaTopicReader(kafka.bootstrapServers(), "dlq-" + suffix)) {
                List<ConsumerRecord<byte[], byte[]>> valid = telemetry.awaitAtLeast(200, Duration.ofSeconds(60));
                List<ConsumerRecord<byte[], byte[]>> rejected = dlq.awaitAtLeast(2, Duration.ofSeconds(30));

                Set<String> seqs = valid.stream().map(r -> text(r.value()).replaceAll(".*\"seq\":(\\d+).*", "$1"))
                        .collect(Collectors.toSet());
                assertThat(seqs).hasSize(200);
                ConsumerRecord<byte[], byte[]> first = valid.stream()
                        .filter(r -> text(r.value()).contains("\"seq\":1,")).findFirst().orElseThrow();
                assertThat(text(first.key())).isEqualTo("p1/l1");
                assertThat(header(first, Headers.MQTT_TOPIC)).isEqualTo("factory/v1/p1/l1/s1/state");
                assertThat(header(first, Headers.MQTT_QOS)).isEqualTo("1");
                assertThat(header(first, Headers.BRIDGE_ID)).isEqualTo("it-bridge");
                assertThat(text(first.value())).startsWith("{\"plant\":\"p1\",\"line\":\"l1\",\"station\":\"s1\",\"kind\":\"state\"");
                assertThat(rejected).extracting(r -> header(r, Headers.ERROR_REASON))
                        .containsExactlyInAnyOrder("missing_field", "unknown_kind");
                assertThat(rejected).extracting(r -> text(r.value())).contains("{\"seq\":1}");
            }
            assertThat(bridge.counter("ingest.messages.forwarded")).isEqualTo(200);
            assertThat(bridge.counter("ingest.messages.dropped")).isZero();
            assertThat(bridge.registry.scrape()).contains("ingest_ack_latency_seconds_bucket")
                    .contains("ingest_messages_received_total{mode=\"subscribe\",qos=\"1\"}")
                    .contains("kafka_producer");
        }
    }

    @Test
    void everyRecordOfAPlantIsInThePlantsPartition(KafkaBroker kafka, MqttBroker mqtt) throws Exception {
        Map<Integer, Set<Integer>> partitionsPerPlant = forwardAcrossPartitions(kafka, mqtt, "plant",
                PlantPartitioner::partitionOf);
        // The lines of a plant share a partition, and the plants are spread over more than one.
        assertThat(partitionsPerPlant).allSatisfy((plant, partitions) -> assertThat(partitions).hasSize(1));
        assertThat(partitionsPerPlant.values().stream().flatMap(Set::stream).distinct().count()).isGreaterThan(1);
    }

    @Test
    void byLineALinesRecordsShareAPartitionAndAPlantsLinesSpread(KafkaBroker kafka, MqttBroker mqtt)
            throws Exception {
        // Kafka's own partitioner for a keyed record: murmur2 of the whole key (here {plant}/{line}).
        Map<Integer, Set<Integer>> partitionsPerPlant = forwardAcrossPartitions(kafka, mqtt, "line",
                (key, partitions) -> Utils.toPositive(Utils.murmur2(key)) % partitions);
        assertThat(partitionsPerPlant.values()).anySatisfy(partitions -> assertThat(partitions).hasSizeGreaterThan(1));
    }

    /**
     * Publishes a state for 4 lines of 6 plants through a bridge with {@code ingest.kafka.partition.by=spread},
     * checks every record's partition against {@code expected}, and returns the partitions each plant used.
     */
    private static Map<Integer, Set<Integer>> forwardAcrossPartitions(KafkaBroker kafka, MqttBroker mqtt,
                                                                      String spread, ToIntBiFunction<byte[], Integer> expected)
            throws Exception {
        String suffix = "partitions-by-" + spread;
        kafka.createTopic("telemetry-" + suffix, 3);
        List<String> plants = List.of("hz-gearbox", "sz-pcb", "cq-motor", "wh-steel", "xa-chip", "bj-auto");
        Map<String, String> config = new HashMap<>(config(kafka, mqtt, suffix));
        config.put("ingest.kafka.partition.by", spread);
        try (RunningBridge bridge = new RunningBridge(config)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> bridge.bridge.readiness().values().stream()
                    .allMatch(Boolean::booleanValue));
            MqttClient publisher = publisher(mqtt);
            int seq = 0;
            for (String plant : plants) {
                for (int line = 0; line < 4; line++) {
                    publisher.publish("factory/v1/" + plant + "/l" + line + "/s1/state",
                            state(seq++).getBytes(StandardCharsets.UTF_8), 1, false);
                }
            }
            publisher.disconnect();

            try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "telemetry-" + suffix)) {
                List<ConsumerRecord<byte[], byte[]>> records = telemetry.awaitAtLeast(seq, Duration.ofSeconds(60));
                assertThat(records).hasSize(seq).allSatisfy(record -> assertThat(record.partition())
                        .as("partition of %s", text(record.key()))
                        .isEqualTo(expected.applyAsInt(record.key(), 3)));
                Map<String, Set<Integer>> byPlant = records.stream().collect(Collectors.groupingBy(
                        r -> text(r.key()).split("/")[0], Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
                assertThat(byPlant).hasSize(plants.size());
                Map<Integer, Set<Integer>> byIndex = new HashMap<>();
                for (int i = 0; i < plants.size(); i++) {
                    byIndex.put(i, byPlant.get(plants.get(i)));
                }
                return byIndex;
            }
        }
    }

    /**
     * Holds messages in flight, reports Kafka DOWN and recovers by itself. The forwarded counter only rises after
     * Kafka succeeded, so it cannot show that no PUBACK went out early:
     * {@link #acknowledgesNothingBeforeKafkaHasItSoABridgeKilledWhileKafkaIsFrozenLosesNothing} proves that.
     */
    @Test
    void kafkaDownBeyondTheDeliveryTimeoutHoldsMessagesInFlightAndLosesNothing(KafkaBroker kafka,
                                                                              MqttBroker mqtt) throws Exception {
        String suffix = "outage";
        kafka.createTopic("telemetry-" + suffix, 1);
        Map<String, String> config = config(kafka, mqtt, suffix);
        // A delivery timeout far shorter than the outage: records expire and must be retried, not acked.
        config.put("kafka.producer.delivery.timeout.ms", "1500");
        config.put("kafka.producer.request.timeout.ms", "1000");
        try (RunningBridge bridge = new RunningBridge(config)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> bridge.bridge.readiness().get("mqtt"));
            MqttClient publisher = publisher(mqtt);
            publisher.publish("factory/v1/p1/l1/s1/state", state(0).getBytes(StandardCharsets.UTF_8), 1, false);
            await().atMost(Duration.ofSeconds(30)).until(() -> bridge.counter("ingest.messages.forwarded") == 1);

            kafka.stop();
            for (int seq = 1; seq <= 50; seq++) {
                publisher.publish("factory/v1/p1/l1/s1/state", state(seq).getBytes(StandardCharsets.UTF_8), 1, false);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> bridge.counter("ingest.kafka.send.retries") >= 1);
            assertThat(bridge.counter("ingest.messages.forwarded")).as("nothing forwarded while Kafka is down")
                    .isEqualTo(1);
            assertThat(bridge.gauge("ingest.inflight.messages")).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> !bridge.bridge.readiness().get("kafka"));

            kafka.restart();

            try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "telemetry-" + suffix)) {
                List<ConsumerRecord<byte[], byte[]>> records = telemetry.awaitUntil(r -> seqs(r).size() >= 51,
                        Duration.ofSeconds(120));
                Set<String> seqs = seqs(records);
                List<String> expected = new ArrayList<>();
                for (int seq = 0; seq <= 50; seq++) {
                    expected.add(Integer.toString(seq));
                }
                assertThat(seqs).containsAll(expected);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> bridge.gauge("ingest.inflight.messages") == 0);
            publisher.disconnect();
        }
    }

    @Test
    void bridgeKilledMidStreamLosesNothingAfterRestart(KafkaBroker kafka, MqttBroker mqtt) throws Exception {
        String suffix = "kill";
        Map<String, String> config = config(kafka, mqtt, suffix);
        int total = 2000;
        ServiceProcess first = ServiceProcess.start(Application.class, environment(config), "256m", logDir());
        try {
            first.awaitReady(Duration.ofSeconds(60));
            MqttClient publisher = publisher(mqtt);
            for (int seq = 0; seq < total; seq++) {
                publisher.publish("factory/v1/p1/l1/s1/state", state(seq).getBytes(StandardCharsets.UTF_8), 1, false);
                if (seq == total / 4) {
                    first.kill();
                }
            }
            publisher.disconnect();
        } finally {
            first.kill();
        }
        ServiceProcess second = ServiceProcess.start(Application.class, environment(config), "256m", logDir());
        try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "telemetry-" + suffix)) {
            List<ConsumerRecord<byte[], byte[]>> records = telemetry.awaitUntil(r -> seqs(r).size() >= total,
                    Duration.ofSeconds(120));
            assertThat(seqs(records)).as("every published message at least once").hasSize(total);
        } finally {
            second.kill();
        }
    }

    /**
     * The end-to-end proof of "PUBACK only after Kafka": the bridge's counters cannot see an early PUBACK, the
     * broker's redelivery can. While Kafka is frozen (SIGSTOP), the bridge receives the broker's whole window of
     * QoS 1 messages, holds them past the producer's delivery timeout (sends expire and are retried) and is killed
     * with SIGKILL; Kafka is thawed and the bridge started again. The broker redelivers only what the bridge never
     * acknowledged, so every message reaches Kafka only if the bridge acknowledged none of them without Kafka.
     *
     * <p>{@code max.in.flight.requests.per.connection=1} keeps the records in the killed bridge's memory: with
     * more, the producer would already have written them into the frozen broker's socket, which Kafka reads and
     * appends after the thaw although their sender is dead, and that would hide a lost acknowledgement.
     *
     * <p>Seen failing (2026-12-06) with {@code SubscribeSource.onMessage} acknowledging on receipt, before
     * {@code forwarder.forward}: the messages held while Kafka was frozen never reached Kafka. Also seen failing
     * with {@code Forwarder.sendUntilAcknowledged} completing on a failed send instead of retrying it.
     */
    @Test
    void acknowledgesNothingBeforeKafkaHasItSoABridgeKilledWhileKafkaIsFrozenLosesNothing(KafkaBroker kafka,
                                                                                         MqttBroker mqtt) throws Exception {
        String suffix = "frozen-kill";
        String topic = "telemetry-" + suffix;
        kafka.createTopic(topic, 1);
        Map<String, String> config = config(kafka, mqtt, suffix);
        config.put("kafka.producer.max.in.flight.requests.per.connection", "1");
        config.put("kafka.producer.delivery.timeout.ms", "1500");
        config.put("kafka.producer.request.timeout.ms", "1000");
        int total = 60;
        ServiceProcess first = ServiceProcess.start(Application.class, environment(config), "256m", logDir());
        try {
            first.awaitReady(Duration.ofSeconds(60));
            MqttClient publisher = publisher(mqtt);
            publish(publisher, 0);
            try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), topic)) {
                telemetry.awaitAtLeast(1, Duration.ofSeconds(60)); // the producer knows the topic and its leader
            }
            int port = first.httpPort();
            double sentBefore = scrape(port, "kafka_producer_record_send_total");
            double failedBefore = scrape(port, "kafka_producer_record_error_total");
            kafka.freeze();
            try {
                // The first record goes out to the frozen broker; with one request in flight, all later ones wait.
                publish(publisher, 1);
                await().atMost(Duration.ofSeconds(30)).until(() -> scrape(port, "kafka_producer_record_send_total") > sentBefore);
                for (int seq = 2; seq < total; seq++) {
                    publish(publisher, seq);
                }
                // Mosquitto hands a subscriber at most 20 unacknowledged QoS 1 messages (max_inflight_messages).
                await().atMost(Duration.ofSeconds(30)).until(() -> scrape(port, "ingest_inflight_messages") >= 20);
                // Past the delivery timeout: the producer reports the held records failed (expired).
                await().atMost(Duration.ofSeconds(60)).until(() -> scrape(port, "kafka_producer_record_error_total") > failedBefore);
            } finally {
                first.kill();
                kafka.thaw();
            }
            publisher.disconnect();
        } finally {
            first.kill();
        }
        ServiceProcess second = ServiceProcess.start(Application.class, environment(config), "256m", logDir());
        try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), topic)) {
            try {
                telemetry.awaitUntil(r -> seqs(r).size() >= total, Duration.ofSeconds(120));
            } catch (ConditionTimeoutException e) {
                // Reported below, with the missing messages.
            }
            assertThat(seqs(telemetry.drain(Duration.ZERO))).as("every message, including those the killed bridge held")
                    .containsAll(IntStream.range(0, total).mapToObj(Integer::toString).toList());
        } finally {
            second.kill();
        }
    }

    private static void publish(MqttClient publisher, int seq) throws Exception {
        publisher.publish("factory/v1/p1/l1/s1/state", state(seq).getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Sums a metric's samples (all labels) on a child bridge's {@code /metrics}; 0 if absent. */
    private static double scrape(int port, String metric) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*})? (\\S+)$").matcher(response.body());
        double sum = 0;
        while (sample.find()) {
            sum += Double.parseDouble(sample.group(2));
        }
        return sum;
    }

    private static Set<String> seqs(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> text(r.value()).replaceAll(".*\"seq\":(\\d+).*", "$1"))
                .collect(Collectors.toSet());
    }

    /** The configuration as the environment variables a deployed bridge would get. */
    private static Map<String, String> environment(Map<String, String> config) {
        Map<String, String> environment = new HashMap<>();
        config.forEach((key, value) -> environment.put(ConfigSource.envName(key), value));
        return environment;
    }

    /** Where the logs of bridges run as child JVMs go, for a look after a failure. */
    static Path logDir() {
        return Path.of("target", "bridge-logs");
    }
}
