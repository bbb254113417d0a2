package io.pilotwatch.deploy.faults;

import static org.awaitility.Awaitility.await;

import io.pilotwatch.analytics.Application;
import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.pilotwatch.testkit.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault scenario 5 (docs/reliability.md): the analytics service, a child JVM, is killed with SIGKILL while the
 * simulator's stream flows through Mosquitto, the bridge and Kafka, then started again on the same state
 * directory. Exactly-once processing restores its state: the final counts equal the ground truth, nothing lost
 * and nothing counted twice. {@code AnalyticsServiceIT.killedAndRestartedServiceEndsWithTheSameResults} covers a
 * kill on a hand-made backlog.
 */
@RealBrokers
class AnalyticsCrashIT {

    private static final Duration READY = Duration.ofSeconds(120);

    @ParameterizedTest(name = "killed after {0} events accepted")
    @ValueSource(ints = {150, 700, 1400})
    void killedAnalyticsEndsWithExactlyTheTruth(int killAfter, KafkaBroker kafka, @TempDir Path dir) throws Exception {
        String run = "analytics-kill-" + killAfter;
        kafka.createTopic(Pipeline.telemetryTopic(run), 2);
        Map<String, String> analytics = Pipeline.environment(Pipeline.analyticsConfig(kafka, run, dir.resolve("state")));
        try (MqttBroker mqtt = Brokers.startMosquitto();
             InProcessIngest ingest = new InProcessIngest(Pipeline.ingestConfig(kafka, mqtt.url(), run))) {
            await().atMost(Duration.ofSeconds(120)).until(ingest::ready);
            ServiceProcess first = ServiceProcess.start(Application.class, analytics, "384m", Pipeline.logDir());
            SimulatedPlants plants;
            try {
                first.awaitReady(READY);
                plants = SimulatedPlants.publish(mqtt.url(), dir, run);
                plants.awaitProgress(() -> Pipeline.scrape(first.httpPort(), "analytics_events_accepted_total"),
                        killAfter, Pipeline.DELIVERED);
            } finally {
                first.kill();
            }
            ServiceProcess second = ServiceProcess.start(Application.class, analytics, "384m", Pipeline.logDir());
            try {
                Truth truth = plants.awaitTruth(Pipeline.DELIVERED);
                Pipeline.assertEveryAcknowledgedMessageInKafka(kafka, run, truth);
                second.awaitReady(READY);
                Pipeline.awaitAnalyticsEqualTruth(second.httpPort(), truth);
            } finally {
                second.kill();
            }
        }
    }
}
