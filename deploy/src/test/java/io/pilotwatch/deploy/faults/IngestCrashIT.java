package io.pilotwatch.deploy.faults;

import io.pilotwatch.analytics.AnalyticsService;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.ingest.Application;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fault scenario 1 (docs/reliability.md): the bridge, a child JVM in subscribe mode, is killed with SIGKILL
 * while the simulator's plants publish, and started again. Messages the bridge had not acknowledged stay in
 * its persistent session at Mosquitto and are redelivered; some reach Kafka twice (at least once), and the
 * analytics service removes those duplicates, so its counts equal the ground truth exactly.
 * {@code SubscribeModeIT.bridgeKilledMidStreamLosesNothingAfterRestart} covers the same with a plain publisher.
 */
@RealBrokers
class IngestCrashIT {

    @ParameterizedTest(name = "killed after {0} messages forwarded, analytics checked: {1}")
    @CsvSource({"150, true", "700, false", "1400, false"})
    void killedBridgeLosesNothingAndAnalyticsCountEachMessageOnce(int killAfter, boolean checkAnalytics,
                                                                   KafkaBroker kafka, @TempDir Path dir) throws Exception {
        String run = "crash-" + killAfter;
        try (MqttBroker mqtt = Brokers.startMosquitto()) {
            Map<String, String> config = Pipeline.environment(Pipeline.ingestConfig(kafka, mqtt.url(), run));
            ServiceProcess first = ServiceProcess.start(Application.class, config, "256m", Pipeline.logDir());
            Truth truth;
            try {
                first.awaitReady(Duration.ofSeconds(180));
                SimulatedPlants plants = SimulatedPlants.publish(mqtt.url(), dir, run);
                plants.awaitProgress(() -> Pipeline.scrape(first.httpPort(), "ingest_messages_forwarded_total"),
                        killAfter, Pipeline.DELIVERED);
                first.kill();
                ServiceProcess second = ServiceProcess.start(Application.class, config, "256m", Pipeline.logDir());
                try {
                    truth = plants.awaitTruth(Pipeline.DELIVERED);
                    Pipeline.assertEveryAcknowledgedMessageInKafka(kafka, run, truth);
                } finally {
                    second.kill();
                }
            } finally {
                first.kill();
            }
            if (checkAnalytics) {
                try (AnalyticsService analytics = AnalyticsService.start(AnalyticsConfig.fromMap(
                        Pipeline.analyticsConfig(kafka, run, dir.resolve("state"))))) {
                    Pipeline.awaitAnalyticsEqualTruth(analytics.httpPort(), truth);
                }
            }
        }
    }
}
