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

    /**
     * Issue 16 item 2: a DDEATH with an out-of-range timestamp threw out of Forwarder.forward after the in-flight
     * room was taken, so the room was never given back and the message never answered; 10 such messages (this
     * limiter's size) wedged the bridge and the JSON behind them was refused. Seen failing that way before the fix.
     */
    @Test
    void fiftyBadDeviceDeathsAreAnsweredAndGiveBackTheirRoomSoJsonStillFlows() {
        MockProducer<byte[], byte[]> autoProducer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        KafkaSender autoSender = new KafkaSender(autoProducer);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestMetrics metrics = new IngestMetrics(registry, inflight);
        TelemetryCodec codec = new TelemetryCodec();
        SparkplugTranslator translator = new SparkplugTranslator(new SparkplugHost(SparkplugHostTest.MAPPING,
                new SparkplugMetrics(registry), false, Duration.ofSeconds(30)), codec, metrics, "telemetry", "dlq",
                node -> { });
        forwarder = new Forwarder(vertx, codec, autoSender, inflight, metrics, "telemetry", "dlq", "bridge-1",
                Clock.systemUTC(), Optional.of(translator));
        awaitAnswer(SparkplugHostTest.NBIRTH, SparkplugHostTest.nbirth(1));
        for (int i = 0; i < 50; i++) {
            awaitAnswer(SparkplugHostTest.DBIRTH, SparkplugHostTest.dbirth(1, 1));
            Future<Void> death = awaitAnswer(SparkplugHostTest.DDEATH,
                    payload().seq(2).at(Instant.ofEpochMilli(-1000)).birth());
            assertThat(death.succeeded()).as("bad DDEATH %d answered after its DLQ record", i).isTrue();
        }
        Future<Void> json = awaitAnswer("factory/v1/p1/l1/s1/state",
                "{\"seq\":1,\"ts\":0,\"state\":\"idle\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(json.succeeded()).isTrue();
        assertThat(inflight.messages()).isZero();
        assertThat(autoProducer.history()).filteredOn(r -> r.topic().equals("dlq")).hasSize(50)
                .allSatisfy(r -> assertThat(new String(r.headers().lastHeader("error.reason").value(),
                        java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("sparkplug_out_of_range"));
        assertThat(autoProducer.history().get(autoProducer.history().size() - 1).topic()).isEqualTo("telemetry");
        autoSender.close();
    }

    /** Forwards on the context and waits for the answer; an exception thrown by forward fails the test. */
    private Future<Void> awaitAnswer(String topic, byte[] payload) {
        CompletableFuture<Future<Void>> started = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            try {
                started.complete(forwarder.forward(new Inbound(topic, payload, 1, Optional.empty(), Instant.now(),
                        () -> true)));
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            }
        });
        Future<Void> answer = started.join();
        await().until(answer::isComplete);
        return answer;
    }
}
