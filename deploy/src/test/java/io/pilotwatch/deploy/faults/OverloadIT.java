package io.pilotwatch.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.ingest.Application;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.pilotwatch.testkit.ServiceProcess;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overload of the bridge in listen mode (a child JVM with {@code -Xmx256m}): for about 25 s the simulator's plants
 * publish as fast as they are acknowledged over one connection per station (30 connections x 100 messages in
 * flight = 3,000, three times the bridge's in-flight limit of 1,000), and for part of that time Kafka is frozen,
 * so the bridge's capacity drops to zero while the load stays. The bridge must keep its memory bounded (in-flight
 * gauges never above the limit, no OutOfMemoryError, heap released afterwards), refuse what does not fit (counted),
 * show the backlog on /metrics, recover by itself when Kafka returns, and lose no acknowledged message.
 * This is a correctness test; speed is measured by the benchmark (docs/benchmarks.md).
 */
@RealBrokers
class OverloadIT {

    private static final int INFLIGHT_LIMIT = 1000;

    @Test
    void overloadedBridgeStaysBoundedRefusesWhatDoesNotFitAndLosesNothing(KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        String run = "overload";
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServiceProcess bridge = ServiceProcess.start(Application.class, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "KAFKA_TOPIC_TELEMETRY", Pipeline.telemetryTopic(run), "KAFKA_TOPIC_DLQ", Pipeline.dlqTopic(run),
                "INGEST_MODE", "listen", "INGEST_LISTEN_HOST", "127.0.0.1", "INGEST_LISTEN_PORT", Integer.toString(port),
                "INGEST_LISTEN_ANONYMOUS", "true", "INGEST_MAX_INFLIGHT_MESSAGES", Integer.toString(INFLIGHT_LIMIT)),
                "256m", Pipeline.logDir());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        DoubleAccumulator maxInflight = new DoubleAccumulator(Math::max, 0);
        DoubleAccumulator maxHeap = new DoubleAccumulator(Math::max, 0);
        try {
            bridge.awaitReady(Duration.ofSeconds(180));
            sampler.scheduleWithFixedDelay(() -> {
                maxInflight.accumulate(Pipeline.scrape(bridge.httpPort(), "ingest_inflight_messages"));
                maxHeap.accumulate(Pipeline.scrapeHeap(bridge.httpPort()));
            }, 0, 200, TimeUnit.MILLISECONDS);
            SimulatedPlants plants = SimulatedPlants.run("tcp://127.0.0.1:" + port, dir, run, "--scenario", "default",
                    "--mode", "backfill", "--until", "2016-01-01", "--duration", "25s", "--connection-per-station",
                    "--max-inflight", "100", "--reconnect-timeout", "120s", "--drain-timeout", "120s");
            plants.awaitProgress(() -> Pipeline.scrape(bridge.httpPort(), "ingest_messages_forwarded_total"), 5_000,
                    Pipeline.DELIVERED);
            kafka.freeze();
            try {
                // The backlog reaches the limit and what does not fit is refused: both visible on /metrics.
                await().atMost(Pipeline.DELIVERED).until(() -> Pipeline.scrape(bridge.httpPort(), "ingest_inflight_messages")
                        >= INFLIGHT_LIMIT * 0.9 && Pipeline.scrape(bridge.httpPort(), "ingest_messages_refused_total") > 0);
            } finally {
                kafka.thaw();
            }
            Truth truth = plants.awaitTruth(Pipeline.DELIVERED);
            Pipeline.assertEveryAcknowledgedMessageInKafka(kafka, run, truth);
            await().atMost(Pipeline.DELIVERED).until(() -> Pipeline.scrape(bridge.httpPort(), "ingest_inflight_messages") == 0);
            sampler.shutdownNow();

            assertThat(bridge.isAlive()).as("bridge alive").isTrue();
            assertThat(maxInflight.get()).as("most messages in flight").isLessThanOrEqualTo(INFLIGHT_LIMIT);
            assertThat(maxHeap.get()).as("most heap used").isLessThan(256.0 * 1024 * 1024);
            assertThat(Files.readString(bridge.logFile(), StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
            assertThat(Pipeline.scrape(bridge.httpPort(), "ingest_messages_dropped_total")).as("QoS 1: nothing dropped").isZero();
            System.out.printf("overload: %d messages, max in flight %.0f, max heap %.1f MiB, refused %.0f%n",
                    truth.realMessages(), maxInflight.get(), maxHeap.get() / 1024 / 1024,
                    Pipeline.scrape(bridge.httpPort(), "ingest_messages_refused_total"));
        } finally {
            sampler.shutdownNow();
            bridge.kill();
        }
    }
}
