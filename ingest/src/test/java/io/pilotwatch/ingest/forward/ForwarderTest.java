package io.pilotwatch.ingest.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pilotwatch.ingest.metrics.IngestMetrics;
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ordering guarantee at unit level, with Kafka's own MockProducer holding callbacks until the test
 * completes them: the forward future (on which the MQTT ack hangs) completes only after the Kafka callback.
 */
class ForwarderTest {

    private static final String TOPIC = "factory/v1/p1/l1/s1/state";
    private static final byte[] VALID = "{\"seq\":1,\"ts\":0,\"state\":\"idle\"}".getBytes(StandardCharsets.UTF_8);

    private Vertx vertx;
    private MockProducer<byte[], byte[]> producer;
    private KafkaSender sender;
    private InflightLimiter inflight;
    private SimpleMeterRegistry registry;
    private Forwarder forwarder;
    private ProduceHealth health;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        sender = new KafkaSender(producer);
        inflight = new InflightLimiter(2, 1 << 20);
        registry = new SimpleMeterRegistry();
        forwarder = new Forwarder(vertx, new TelemetryCodec(), sender, inflight, new IngestMetrics(registry, inflight),
                "telemetry", "dlq", "bridge-7", Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        sender.close();
        vertx.close().await();
    }

    private Future<Void> forwardOnContext(byte[] payload, boolean[] wanted) {
        AtomicReference<Future<Void>> result = new AtomicReference<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            try {
                result.set(forwarder.forward(new Inbound(TOPIC, payload, 1, Optional.of("dev-1"),
                        Instant.parse("2025-01-01T00:00:00Z"), () -> wanted[0])));
                started.complete(null);
            } catch (RuntimeException e) {
                started.completeExceptionally(e); // forward must never throw: fail the test, do not hang it
            }
        });
        started.join();
        return result.get();
    }

    @Test
    void acksOnlyAfterKafkaAcknowledged() {
        Future<Void> ack = forwardOnContext(VALID, new boolean[] {true});

        await().until(() -> producer.history().size() == 1);
        assertThat(ack.isComplete()).as("no ack before the Kafka callback").isFalse();
        assertThat(inflight.messages()).isEqualTo(1);

        producer.completeNext();

        await().until(ack::isComplete);
        assertThat(ack.succeeded()).isTrue();
        assertThat(inflight.messages()).isZero();
        assertThat(registry.counter("ingest.messages.forwarded").count()).isEqualTo(1);
    }

    @Test
    void writesNormalizedRecordWithKeyAndHeaders() {
        forwardOnContext(VALID, new boolean[] {true});

        await().until(() -> producer.history().size() == 1);
        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo("telemetry");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("p1/l1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"plant\":\"p1\"")
                .contains("\"receivedAt\":\"2025-01-01T00:00:00Z\"");
        assertThat(header(record, Headers.MQTT_TOPIC)).isEqualTo(TOPIC);
        assertThat(header(record, Headers.MQTT_QOS)).isEqualTo("1");
        assertThat(header(record, Headers.BRIDGE_ID)).isEqualTo("bridge-7");
        assertThat(header(record, Headers.MQTT_CLIENT)).isEqualTo("dev-1");
    }

    @Test
    void invalidMessageGoesToDlqAndIsAckedOnlyAfterThat() {
        byte[] invalid = "{\"seq\":1,\"ts\":0,\"state\":\"dancing\"}".getBytes(StandardCharsets.UTF_8);
        Future<Void> ack = forwardOnContext(invalid, new boolean[] {true});

        await().until(() -> producer.history().size() == 1);
        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo("dlq");
        assertThat(record.value()).isEqualTo(invalid);
        assertThat(header(record, Headers.ERROR_REASON)).isEqualTo("bad_value");
        assertThat(header(record, Headers.ERROR_DETAIL)).contains("'state'");
        assertThat(ack.isComplete()).isFalse();

        producer.completeNext();

        await().until(ack::isComplete);
        assertThat(registry.counter("ingest.messages.rejected", "reason", "bad_value").count()).isEqualTo(1);
    }

    @Test
    void oversizedPayloadReachesTheDlqCutToTheLimitSoKafkaCanTakeIt() {
        forwarder = new Forwarder(vertx, new TelemetryCodec(1024), sender, inflight, new IngestMetrics(registry, inflight),
                "telemetry", "dlq", "bridge-7", Clock.systemUTC());
        byte[] oversized = new byte[100_000];
        java.util.Arrays.fill(oversized, (byte) 'A');
        Future<Void> ack = forwardOnContext(oversized, new boolean[] {true});

        await().until(() -> producer.history().size() == 1);
        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo("dlq");
        assertThat(header(record, Headers.ERROR_REASON)).isEqualTo("too_large");
        assertThat(header(record, Headers.ERROR_DETAIL)).contains("100000 bytes");
        assertThat(record.value()).isEqualTo(java.util.Arrays.copyOf(oversized, 1024));
        producer.completeNext();
        await().until(ack::isComplete);
    }

    @Test
    void failedSendIsRetriedNotAcknowledged() {
        Future<Void> ack = forwardOnContext(VALID, new boolean[] {true});
        await().until(() -> producer.history().size() == 1);

        producer.errorNext(new TimeoutException("delivery timeout"));

        await().until(() -> producer.history().size() == 2);
        assertThat(ack.isComplete()).as("a timed-out record is not acknowledged").isFalse();
        producer.completeNext();
        await().until(ack::isComplete);
        assertThat(ack.succeeded()).isTrue();
        assertThat(registry.counter("ingest.kafka.send.retries").count()).isEqualTo(1);
    }

    @Test
    void failedSendOfAnUnwantedMessageIsAbandonedSoItsSenderRedelivers() {
        boolean[] wanted = {true};
        Future<Void> ack = forwardOnContext(VALID, wanted);
        await().until(() -> producer.history().size() == 1);
        wanted[0] = false;

        producer.errorNext(new TimeoutException("delivery timeout"));

        await().until(ack::isComplete);
        assertThat(ack.cause()).isInstanceOf(Forwarder.Abandoned.class);
        assertThat(inflight.messages()).isZero();
    }

    @Test
    void refusesWhenInflightLimitIsFull() {
        forwardOnContext(VALID, new boolean[] {true});
        forwardOnContext(VALID, new boolean[] {true});

        Future<Void> third = forwardOnContext(VALID, new boolean[] {true});

        assertThat(third.failed()).isTrue();
        assertThat(third.cause()).isInstanceOf(Forwarder.Overloaded.class);
        assertThat(inflight.messages()).isEqualTo(2);
    }

    @Test
    void retryDelayGrowsAndIsCapped() {
        assertThat(Forwarder.retryDelay(0)).hasMillis(500);
        assertThat(Forwarder.retryDelay(1)).hasMillis(1000);
        assertThat(Forwarder.retryDelay(30)).hasSeconds(10);
    }

    /** Issue 16 item 7: a permanent error was retried forever and the message never answered. */
    @Test
    void recordKafkaRefusesForGoodGoesToTheDlqAndIsThenAcknowledged() {
        Future<Void> ack = forwardOnContext(VALID, new boolean[] {true});
        await().until(() -> producer.history().size() == 1);

        producer.errorNext(new RecordTooLargeException("The message is 2000 bytes when serialized"));

        await().until(() -> producer.history().size() == 2);
        ProducerRecord<byte[], byte[]> dead = producer.history().get(1);
        assertThat(dead.topic()).isEqualTo("dlq");
        assertThat(dead.value()).isEqualTo(VALID);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("p1/l1");
        assertThat(header(dead, Headers.ERROR_REASON)).isEqualTo("kafka_rejected");
        assertThat(header(dead, Headers.ERROR_DETAIL))
                .isEqualTo("telemetry refused the record: RecordTooLargeException: The message is 2000 bytes when serialized");
        assertThat(ack.isComplete()).as("acknowledged only once the DLQ has it").isFalse();
        producer.completeNext();
        await().until(ack::isComplete);
        assertThat(ack.succeeded()).isTrue();
        assertThat(inflight.messages()).isZero();
        assertThat(registry.counter("ingest.messages.rejected", "reason", "kafka_rejected").count()).isEqualTo(1);
        assertThat(registry.counter("ingest.kafka.send.retries").count()).isZero();
    }

    @Test
    void whenEvenTheDlqRefusesForGoodTheMessageStaysUnacknowledgedAndTheProducerIsNotReady() {
        health = new ProduceHealth(Clock.systemUTC(), java.time.Duration.ofHours(1));
        forwarder = new Forwarder(vertx, new TelemetryCodec(), sender, inflight, new IngestMetrics(registry, inflight),
                "telemetry", "dlq", "bridge-7", Clock.systemUTC(), Optional.empty(), health);
        Future<Void> ack = forwardOnContext(VALID, new boolean[] {true});
        await().until(() -> producer.history().size() == 1);
        assertThat(health.canProduce()).isTrue();

        producer.errorNext(new TopicAuthorizationException("Not authorized to access topics: [telemetry]"));
        await().until(() -> producer.history().size() == 2);
        producer.errorNext(new TopicAuthorizationException("Not authorized to access topics: [dlq]"));

        await().until(() -> !health.canProduce());
        await().until(() -> producer.history().size() == 3); // the DLQ write again, after a backoff
        assertThat(producer.history().get(2).topic()).isEqualTo("dlq");
        assertThat(ack.isComplete()).isFalse();
        producer.completeNext(); // the ACL was fixed
        await().until(ack::isComplete);
        assertThat(ack.succeeded()).isTrue();
        assertThat(health.canProduce()).isTrue();
        assertThat(inflight.messages()).isZero();
    }

    /** Issue 16 item 2 at its root: whatever throws after the in-flight room was taken, the message is answered. */
    @Test
    void messageWhoseProcessingThrowsGoesToTheDlqAndGivesBackItsRoom() {
        RecordTranslator throwing = new RecordTranslator() {
            @Override
            public boolean handles(String mqttTopic) {
                return true;
            }

            @Override
            public java.util.List<ProducerRecord<byte[], byte[]>> toRecords(Inbound message,
                    java.util.function.Supplier<org.apache.kafka.common.header.internals.RecordHeaders> headers) {
                throw new IllegalArgumentException("seq and boot must be >= 0");
            }
        };
        forwarder = new Forwarder(vertx, new TelemetryCodec(), sender, inflight, new IngestMetrics(registry, inflight),
                "telemetry", "dlq", "bridge-7", Clock.systemUTC(), Optional.of(throwing));
        Future<Void> ack = forwardOnContext(VALID, new boolean[] {true});

        await().until(() -> producer.history().size() == 1);
        ProducerRecord<byte[], byte[]> dead = producer.history().get(0);
        assertThat(dead.topic()).isEqualTo("dlq");
        assertThat(dead.value()).isEqualTo(VALID);
        assertThat(header(dead, Headers.ERROR_REASON)).isEqualTo("processing_error");
        assertThat(header(dead, Headers.ERROR_DETAIL))
                .isEqualTo("java.lang.IllegalArgumentException: seq and boot must be >= 0");
        producer.completeNext();
        await().until(ack::isComplete);
        assertThat(ack.succeeded()).isTrue();
        assertThat(inflight.messages()).isZero();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
