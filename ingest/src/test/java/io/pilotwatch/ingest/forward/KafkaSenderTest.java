package io.pilotwatch.ingest.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.ingest.config.IngestConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender runs on the event loop, so it must never wait: with no Kafka to answer, a send fails at once (and
 * the forwarder retries it) instead of blocking the event loop until {@code max.block.ms}.
 */
class KafkaSenderTest {

    private Vertx vertx;
    private KafkaSender sender;

    @BeforeEach
    void setUp() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IngestConfig config = IngestConfig.fromMap(Map.of("kafka.bootstrap.servers", "127.0.0.1:" + closedPort,
                "mqtt.url", "tcp://127.0.0.1:1883"));
        vertx = Vertx.vertx();
        sender = KafkaSender.create(config);
    }

    @AfterEach
    void tearDown() {
        sender.close(java.time.Duration.ZERO);
        vertx.close().await();
    }

    @Test
    void sendWithoutMetadataFailsAtOnceRatherThanWaitingOnTheEventLoop() {
        CompletableFuture<Future<RecordMetadata>> sent = new CompletableFuture<>();
        vertx.runOnContext(v -> sent.complete(sender.send(new ProducerRecord<>("telemetry", new byte[] {1}),
                vertx.getOrCreateContext())));

        Future<RecordMetadata> result = sent.join();

        await().until(result::isComplete);
        assertThat(result.cause()).isInstanceOf(TimeoutException.class)
                .hasMessageContaining("not present in metadata after 0 ms");
    }

    @Test
    void refreshingMetadataOfAnUnreachableKafkaDoesNotThrow() {
        assertThatCode(() -> sender.refreshMetadata("telemetry", "dlq")).doesNotThrowAnyException();
    }
}
