package io.pilotwatch.ingest.sparkplug;

import static io.pilotwatch.ingest.sparkplug.TahuPayloads.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pilotwatch.ingest.forward.Forwarder;
import io.pilotwatch.ingest.forward.Inbound;
import io.pilotwatch.ingest.forward.InflightLimiter;
import io.pilotwatch.ingest.forward.KafkaSender;
import io.pilotwatch.ingest.metrics.IngestMetrics;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement guarantee for a Sparkplug message that carries several events: the forward future, on
 * which the PUBACK hangs, completes only after Kafka acknowledged every one of its records.
 */
class SparkplugAckTest {

    private Vertx vertx;
    private MockProducer<byte[], byte[]> producer;
    private KafkaSender sender;
    private InflightLimiter inflight;
    private Forwarder forwarder;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        sender = new KafkaSender(producer);
        inflight = new InflightLimiter(10, 1 << 20);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestMetrics metrics = new IngestMetrics(registry, inflight);
        TelemetryCodec codec = new TelemetryCodec();
        SparkplugTranslator translator = new SparkplugTranslator(new SparkplugHost(SparkplugHostTest.MAPPING,
                new SparkplugMetrics(registry), false, Duration.ofSeconds(30)), codec, metrics, "telemetry", "dlq",
                node -> { });
        forwarder = new Forwarder(vertx, codec, sender, inflight, metrics, "telemetry", "dlq", "bridge-1",
                Clock.systemUTC(), Optional.of(translator));
    }

    @AfterEach
    void tearDown() {
        sender.close();
        vertx.close().await();
    }

    private Future<Void> forward(String topic, byte[] payload) {
        AtomicReference<Future<Void>> result = new AtomicReference<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            result.set(forwarder.forward(new Inbound(topic, payload, 1, Optional.empty(), Instant.now(), () -> true)));
            started.complete(null);
        });
        started.join();
        return result.get();
    }

    @Test
    void aMessageWithSeveralEventsIsAcknowledgedOnlyAfterKafkaHasAllOfThem() {
        assertThat(forward(SparkplugHostTest.NBIRTH, SparkplugHostTest.nbirth(1)).succeeded())
                .as("nothing to write: acknowledged at once").isTrue();
        Future<Void> birth = forward(SparkplugHostTest.DBIRTH, SparkplugHostTest.dbirth(1, 1));
        await().until(() -> producer.history().size() == 2); // profile and state
        producer.completeNext();
        producer.completeNext();
        await().until(birth::isComplete);

        Future<Void> data = forward(SparkplugHostTest.DDATA, payload().seq(2)
                .alias(9, MetricDataType.Double, 3.5).alias(11, MetricDataType.String, "CNY")
                .alias(5, MetricDataType.Int32, 2).data());

        await().until(() -> producer.history().size() == 4);
        producer.completeNext();
        assertThat(data.isComplete()).as("one of two records acknowledged: no ack yet").isFalse();
        assertThat(inflight.messages()).isEqualTo(1);
        producer.completeNext();
        await().until(data::isComplete);
        assertThat(data.succeeded()).isTrue();
        assertThat(inflight.messages()).isZero();
    }
}
