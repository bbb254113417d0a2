package io.pilotwatch.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotwatch.support.config.ConfigSource;
import io.pilotwatch.testkit.KafkaBroker;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What every fault scenario shares: the configuration of one run (its own topics and client ids, so runs on a
 * shared Kafka never see each other's records), and the checks against the simulator's ground truth.
 */
final class Pipeline {

    static final Duration DELIVERED = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Pipeline() {
    }

    static String telemetryTopic(String run) {
        return run + ".telemetry";
    }

    static String dlqTopic(String run) {
        return run + ".dlq";
    }

    /** The bridge in subscribe mode, production defaults except names and quick reconnects. */
    static Map<String, String> ingestConfig(KafkaBroker kafka, String mqttUrl, String run) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("kafka.topic.telemetry", telemetryTopic(run));
        config.put("kafka.topic.dlq", dlqTopic(run));
        config.put("mqtt.url", mqttUrl);
        config.put("mqtt.client.id", "bridge-" + run);
        config.put("ingest.bridge.id", "bridge-" + run);
        config.put("mqtt.reconnect.initial.ms", "100");
        config.put("mqtt.reconnect.max.ms", "1000");
        config.put("http.host", "127.0.0.1");
        config.put("http.port", "0");
        return config;
    }

    /** A configuration as the environment variables a deployed service gets (ServiceProcess sets HTTP_PORT). */
    static Map<String, String> environment(Map<String, String> config) {
        Map<String, String> environment = new HashMap<>();
        config.forEach((key, value) -> {
            if (!key.equals("http.port")) {
                environment.put(ConfigSource.envName(key), value);
            }
        });
        return environment;
    }

    static Path logDir() {
        return Path.of("target", "fault-logs");
    }

    /**
     * Every message the simulator had acknowledged is in the run's telemetry topic (counted by distinct id per
     * plant and kind, equal to the truth), and the DLQ holds nothing: no valid message was rejected.
     */
    static void assertEveryAcknowledgedMessageInKafka(KafkaBroker kafka, String run, Truth truth) {
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        truth.plants().forEach(plant -> expected.put(plant, truth.messages(plant)));
        try (TopicContents telemetry = new TopicContents(kafka.bootstrapServers(), telemetryTopic(run))) {
            try {
                telemetry.awaitUntil(t -> t.distinctTotal() >= truth.realMessages(), DELIVERED);
            } catch (ConditionTimeoutException e) {
                // Reported below, with the counts that differ.
            }
            telemetry.drain(Duration.ofSeconds(1));
            assertThat(telemetry.distinctByPlantAndKind()).as("distinct messages in Kafka by plant and kind")
                    .isEqualTo(expected);
        }
        try (TopicContents dlq = new TopicContents(kafka.bootstrapServers(), dlqTopic(run))) {
            assertThat(dlq.drain(Duration.ofSeconds(2)).records()).as("DLQ records (every message was valid)").isEmpty();
        }
    }

    /** Sums a metric's samples on a Prometheus endpoint (0 if absent); labels are ignored. */
    static double scrape(int port, String metric) {
        return scrape(port, metric, "");
    }

    /** The JVM heap in use ({@code jvm_memory_used_bytes{area="heap"}}, all pools). */
    static double scrapeHeap(int port) {
        return scrape(port, "jvm_memory_used_bytes", "area=\"heap\"");
    }

    private static double scrape(int port, String metric, String label) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*})? (\\S+)$").matcher(text);
            double sum = 0;
            while (matcher.find()) {
                if (matcher.group(1) == null ? label.isEmpty() : matcher.group(1).contains(label)) {
                    sum += Double.parseDouble(matcher.group(2));
                }
            }
            return sum;
        } catch (IOException e) {
            return 0; // restarting: not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The analytics configuration of a run, reading the run's telemetry topic. */
    static Map<String, String> analyticsConfig(KafkaBroker kafka, String run, Path stateDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("kafka.topic.telemetry", telemetryTopic(run));
        settings.put("kafka.topic.dlq", run + ".analytics-dlq");
        settings.put("kafka.topic.kpi", run + ".kpi");
        settings.put("kafka.topic.baselines", run + ".baselines");
        settings.put("analytics.application.id", run + "-analytics");
        settings.put("analytics.state.dir", stateDir.toString());
        settings.put("analytics.publish.interval.seconds", "1");
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        // A killed instance's partitions move to its successor after this, not after the default 45 s.
        settings.put("kafka.streams.session.timeout.ms", "6000");
        settings.put("kafka.streams.heartbeat.interval.ms", "1000");
        return settings;
    }

    /**
     * The analytics service's scorecard equals the ground truth exactly: events accepted by plant and kind (so
     * duplicates were removed and nothing was counted twice or lost), units by result and costs by category.
     */
    static void awaitAnalyticsEqualTruth(int port, Truth truth) {
        await().atMost(DELIVERED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode scorecard = scorecard(port);
            for (String plant : truth.plants()) {
                JsonNode card = plantCard(scorecard, plant);
                assertThat(card).as("scorecard of " + plant).isNotNull();
                Map<String, Long> accepted = new TreeMap<>();
                Truth.KINDS.forEach(kind -> accepted.put(kind, card.at("/completeness/acceptedByKind/" + kind).asLong()));
                assertThat(accepted).as(plant + " events accepted by kind").isEqualTo(truth.messages(plant));
                long late = 0;
                for (JsonNode n : card.at("/completeness/late")) {
                    late += n.asLong();
                }
                assertThat(late).as(plant + " late events").isZero();
                JsonNode year = yearWindow(card);
                Map<String, Long> units = new TreeMap<>();
                Truth.RESULTS.forEach(result -> units.put(result, year.at("/units/" + result).asLong()));
                assertThat(units).as(plant + " units by result").isEqualTo(truth.units(plant));
                Map<String, BigDecimal> costs = new TreeMap<>();
                costs.put("total", year.at("/cost/total").decimalValue());
                Truth.CATEGORIES.forEach(category -> costs.put(category, year.at("/cost/" + category).decimalValue()));
                Map<String, BigDecimal> expectedCosts = truth.costs(plant);
                assertThat(costs.keySet()).isEqualTo(expectedCosts.keySet());
                costs.forEach((key, value) -> assertThat(value).as(plant + " cost " + key)
                        .isEqualByComparingTo(expectedCosts.get(key)));
            }
        });
    }

    private static JsonNode scorecard(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/scorecard")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("scorecard status").isEqualTo(200);
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(response.body());
    }

    private static JsonNode plantCard(JsonNode scorecard, String plant) {
        JsonNode plants = scorecard.isArray() ? scorecard : scorecard.get("plants");
        for (JsonNode card : plants) {
            if (plant.equals(card.path("plant").asText())) {
                return card;
            }
        }
        return null;
    }

    private static JsonNode yearWindow(JsonNode card) {
        for (JsonNode window : card.get("windows")) {
            if ("year".equals(window.path("window").asText())) {
                return window;
            }
        }
        throw new AssertionError("no year window in " + card);
    }
}
