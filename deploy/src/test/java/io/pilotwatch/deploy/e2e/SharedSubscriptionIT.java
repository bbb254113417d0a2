package io.pilotwatch.deploy.e2e;

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
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import io.pilotwatch.telemetry.Topics;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * The scaling design of deploy/k8s (docs/scaling.md): two bridge instances in subscribe mode with the same
 * {@code mqtt.shared.group} against a real Mosquitto split the messages between them, and Kafka holds each
 * published message exactly once (none lost, none forwarded by both).
 */
@RealBrokers
class SharedSubscriptionIT {

    @Test
    void twoBridgesSharingTheSubscriptionForwardEveryMessageOnce(KafkaBroker kafka, MqttBroker mqtt, @TempDir Path dir)
            throws Exception {
        kafka.createTopic(Topics.TELEMETRY, 2);
        List<Running> bridges = new ArrayList<>();
        try {
            for (String id : new String[] {"shared-a", "shared-b"}) {
                bridges.add(Running.start(id, kafka, mqtt));
            }
            Path truthFile = dir.resolve("truth.json");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = SimulatorCli.execute(new String[] {"--scenario", "default", "--mode", "backfill",
                    "--until", "2015-01-04", "--broker", mqtt.url(), "--truth-out", truthFile.toString(),
                    "--seed", "11", "--no-progress", "--client-id-prefix", "shared-it"}, new StopSignal(),
                    new PrintStream(out, true), new PrintStream(out, true));
            assertThat(exit).as(out.toString()).isZero();
            JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
            long published = truth.at("/messages/published").asLong();
            assertThat(published).isGreaterThan(500);

            List<ConsumerRecord<byte[], byte[]>> records = readUntil(kafka, published);
            assertThat(records).hasSize((int) published);
            // No duplicates were injected: every (station, boot, seq) once, so no message went through both.
            TelemetryCodec codec = new TelemetryCodec();
            Set<String> distinct = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                DecodeResult result = codec.decodeNormalized(record.value());
                assertThat(result).isInstanceOf(DecodeResult.Accepted.class);
                TelemetryEvent event = ((DecodeResult.Accepted) result).event();
                distinct.add(event.station() + "/" + event.boot() + "/" + event.seq());
            }
            assertThat(distinct).hasSize((int) truth.at("/messages/real/total").asLong()).hasSize((int) published);

            double a = bridges.get(0).forwarded();
            double b = bridges.get(1).forwarded();
            assertThat(a + b).as("forwarded by both bridges together").isEqualTo(published);
            // Mosquitto hands a shared subscription's messages round-robin: both take a real share.
            assertThat(Math.min(a, b)).as("the smaller share").isGreaterThan(published / 5.0);
            Map<String, Integer> byBridge = new HashMap<>();
            records.forEach(r -> byBridge.merge(new String(r.headers().lastHeader(Headers.BRIDGE_ID).value(),
                    StandardCharsets.UTF_8), 1, Integer::sum));
            assertThat(byBridge).containsOnlyKeys("shared-a", "shared-b");
            assertThat(byBridge.get("shared-a")).isEqualTo((int) a);
        } finally {
            for (Running bridge : bridges) {
                bridge.close();
            }
        }
    }

    /** One in-process bridge in subscribe mode, in the shared group "pilotwatch". */
    private record Running(Vertx vertx, PrometheusMeterRegistry registry) implements AutoCloseable {

        static Running start(String id, KafkaBroker kafka, MqttBroker mqtt) throws Exception {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Vertx vertx = Application.createVertx(registry);
            Map<String, String> config = new HashMap<>();
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("mqtt.url", mqtt.url());
            config.put("mqtt.shared.group", "pilotwatch");
            config.put("ingest.bridge.id", id);
            config.put("http.host", "127.0.0.1");
            config.put("http.port", "0");
            IngestBridge bridge = new IngestBridge(IngestConfig.fromMap(config), registry);
            vertx.deployVerticle(bridge).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> bridge.readiness().values().stream()
                    .allMatch(Boolean::booleanValue));
            return new Running(vertx, registry);
        }

        double forwarded() {
            return registry.get("ingest.messages.forwarded").counter().count();
        }

        @Override
        public void close() throws Exception {
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readUntil(KafkaBroker kafka, long expected) {
        Map<String, Object> props = new HashMap<>(kafka.clientConfig());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "shared-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TELEMETRY));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // A little longer: a message forwarded by both bridges would show up as an extra record.
            long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < quietUntil) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
