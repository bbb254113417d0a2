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
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;
import org.junit.jupiter.api.Test;

/**
 * Overload of the bridge in listen mode (a child JVM with {@code -Xmx256m}): for 25 s eight connections publish QoS 1
 * messages as fast as they are acknowledged, each with a window of 200 (1,600 in flight wanted, against the
 * bridge's limit of 1,000), and for part of that time Kafka is frozen, so the bridge's capacity drops to zero while
 * the load stays. The bridge must keep what it holds bounded (in-flight gauge never above the limit, no
 * OutOfMemoryError in its log), slow the publishers down instead of refusing them (pauses counted, no connection
 * closed, nothing refused), show the backlog on /metrics, recover by itself when Kafka returns, and account for
 * every message: each one published is acknowledged and in Kafka. A correctness test; speed is the benchmark's
 * (docs/benchmarks.md).
 *
 * <p>The heap is no longer asserted: under -Xmx256m "heap below 256 MiB" cannot fail (the JVM dies first), while an
 * OutOfMemoryError in the log can. Seen failing: with the in-flight limiter letting everything through
 * (tryAcquire always true) the most in flight rose above 1,000.
 */
@RealBrokers
class OverloadIT {

    private static final int INFLIGHT_LIMIT = 1000;
    private static final Duration SUSTAINED = Duration.ofSeconds(25);

    @Test
    void overloadedBridgeStaysBoundedSlowsPublishersDownAndLosesNothing(KafkaBroker kafka) throws Exception {
        String run = "overload";
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServiceProcess bridge = ServiceProcess.start(Application.class, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "KAFKA_TOPIC_TELEMETRY", Pipeline.telemetryTopic(run), "KAFKA_TOPIC_DLQ", Pipeline.dlqTopic(run),
                "INGEST_MODE", "listen", "INGEST_LISTEN_HOST", "127.0.0.1", "INGEST_LISTEN_PORT", Integer.toString(port),
                "INGEST_LISTEN_ANONYMOUS", "true", "INGEST_MAX_INFLIGHT_MESSAGES", Integer.toString(INFLIGHT_LIMIT),
                "INGEST_LISTEN_MAX_INFLIGHT_PER_CLIENT", "200"),
                "256m", Pipeline.logDir());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        DoubleAccumulator maxInflight = new DoubleAccumulator(Math::max, 0);
        FloodPublisher flood = new FloodPublisher("tcp://127.0.0.1:" + port, 8, 200);
        try {
            bridge.awaitReady(Duration.ofSeconds(180));
            sampler.scheduleWithFixedDelay(() -> {
                maxInflight.accumulate(Pipeline.scrape(bridge.httpPort(), "ingest_inflight_messages"));
            }, 0, 200, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            flood.start();
            await().atMost(Pipeline.DELIVERED).until(() -> flood.acknowledged().size() >= 2_000);
            kafka.freeze();
            try {
                // The backlog reaches the limit and the clients that do not fit are no longer read: both on /metrics.
                await().atMost(Pipeline.DELIVERED).until(() -> Pipeline.scrape(bridge.httpPort(), "ingest_inflight_messages")
                        >= INFLIGHT_LIMIT * 0.9 && Pipeline.scrape(bridge.httpPort(), "ingest_listen_clients_paused") >= 1);
            } finally {
                kafka.thaw();
            }
            // The load is a period of wall-clock time, not a condition: keep it up for the rest of it.
            long left = SUSTAINED.toNanos() - (System.nanoTime() - start);
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
            flood.close();
            Set<String> acknowledged = Set.copyOf(flood.acknowledged());
            try (TopicContents telemetry = new TopicContents(kafka.bootstrapServers(), Pipeline.telemetryTopic(run))) {
                telemetry.awaitUntil(t -> t.stationSeqs().containsAll(acknowledged), Pipeline.DELIVERED);
            }
            await().atMost(Pipeline.DELIVERED).until(() -> Pipeline.scrape(bridge.httpPort(), "ingest_inflight_messages") == 0);
            sampler.shutdownNow();

            assertThat(bridge.isAlive()).as("bridge alive").isTrue();
            assertThat(maxInflight.get()).as("most messages in flight").isLessThanOrEqualTo(INFLIGHT_LIMIT);
            assertThat(Files.readString(bridge.logFile(), StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
            assertThat(Pipeline.scrape(bridge.httpPort(), "ingest_listen_pauses_total")).as("publishers slowed down").isPositive();
            assertThat(Pipeline.scrape(bridge.httpPort(), "ingest_messages_refused_total")).as("nothing refused").isZero();
            assertThat(Pipeline.scrape(bridge.httpPort(), "ingest_messages_dropped_total")).as("nothing dropped").isZero();
            assertThat(flood.reconnects()).as("connections opened: none closed by the bridge").isEqualTo(8);
            assertThat(flood.failed()).as("publishes that failed").isZero();
            assertThat((long) acknowledged.size()).as("every message published was acknowledged").isEqualTo(flood.published());
            System.out.printf("OverloadIT: %d messages published and acknowledged, max in flight %.0f, pauses %.0f%n",
                    flood.published(), maxInflight.get(), Pipeline.scrape(bridge.httpPort(), "ingest_listen_pauses_total"));
        } finally {
            flood.close();
            sampler.shutdownNow();
            bridge.kill();
        }
    }
}
