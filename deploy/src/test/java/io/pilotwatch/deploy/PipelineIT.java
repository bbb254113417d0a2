package io.pilotwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.ingest.Application;
import io.pilotwatch.ingest.IngestBridge;
import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.simulator.cli.SimulatorCli;
import io.pilotwatch.simulator.clock.StopSignal;
import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import io.pilotwatch.telemetry.Topics;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulator -> Mosquitto -> ingest (subscribe) -> Kafka, all real: what lands in Kafka is exactly what
 * the simulator's ground truth says it published, valid messages on the telemetry topic (duplicates
 * included, as published) and malformed ones in the DLQ.
 */
@RealBrokers
class PipelineIT {

    private final TelemetryCodec codec = new TelemetryCodec();

    @Test
    void kafkaHoldsExactlyWhatTheSimulatorPublished(KafkaBroker kafka, MqttBroker mqtt, @TempDir Path dir)
            throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Application.createVertx(registry);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mqtt.url", mqtt.url());
        config.put("http.port", "0");
        IngestBridge bridge = new IngestBridge(IngestConfig.fromMap(config), registry);
        String deployment = vertx.deployVerticle(bridge).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> bridge.readiness().values().stream()
                    .allMatch(Boolean::booleanValue));
            Path truthFile = dir.resolve("truth.json");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = SimulatorCli.execute(new String[] {"--scenario", "default", "--mode", "backfill",
                    "--until", "2015-01-08", "--broker", mqtt.url(), "--truth-out", truthFile.toString(),
                    "--duplicates", "2", "--malformed", "1", "--seed", "7"}, new StopSignal(),
                    new PrintStream(out, true), new PrintStream(out, true));
            assertThat(exit).as(out.toString()).isZero();
            JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
            long real = truth.at("/messages/real/total").asLong();
            long duplicates = truth.at("/messages/duplicates/total").asLong();
            long malformed = truth.at("/messages/malformed/total").asLong();
            assertThat(duplicates).isPositive();
            assertThat(malformed).isPositive();

            List<ConsumerRecord<byte[], byte[]>> valid = readUntil(kafka, Topics.TELEMETRY, real + duplicates);
            List<ConsumerRecord<byte[], byte[]>> rejected = readUntil(kafka, Topics.DLQ, malformed);

            Set<String> distinct = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> record : valid) {
                DecodeResult result = codec.decodeNormalized(record.value());
                assertThat(result).isInstanceOf(DecodeResult.Accepted.class);
                TelemetryEvent event = ((DecodeResult.Accepted) result).event();
                distinct.add(event.station() + "/" + event.boot() + "/" + event.seq());
            }
            assertThat(valid).as("valid records, duplicates included").hasSize((int) (real + duplicates));
            assertThat(distinct).as("distinct (station, boot, seq)").hasSize((int) real);
            assertThat(rejected).as("DLQ records").hasSize((int) malformed);
        } finally {
            vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads a topic from the start until it holds {@code expected} records, then a little longer for extras. */
    private static List<ConsumerRecord<byte[], byte[]>> readUntil(KafkaBroker kafka, String topic, long expected) {
        Map<String, Object> props = new HashMap<>(kafka.clientConfig());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "pipeline-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < quietUntil) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
