package io.pilotwatch.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotwatch.support.config.ConfigSource;
import io.pilotwatch.telemetry.UnitResult;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.pilotwatch.testkit.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: every instance serves every plant's scorecard. Three instances (child JVMs, one application id) share
 * six partitions holding nine plants; each instance's {@code /api/v1/scorecard} must equal the union, and each
 * plant's page must come from any instance. Then one instance is killed with SIGKILL: while its partitions move,
 * the survivors answer either 503 (retry) or the whole union, never a scorecard missing plants; after the
 * rebalance both answer the union again. Metrics stay per owner: each plant's series is exported once.
 * Seen failing before the change: each instance listed only the plants of its own partitions.
 */
@RealBrokers
class ScorecardAcrossInstancesIT {

    private static final String TOPIC = "it-cluster.telemetry";
    private static final Duration SETTLED = Duration.ofSeconds(180);
    private static final List<String> PLANTS = List.of("p-anhui", "p-beijing", "p-chengdu", "p-dalian", "p-foshan",
            "p-guilin", "p-harbin", "p-jinan", "p-kunming");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void everyInstanceServesEveryPlantAcrossASigkill(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        kafka.createTopic(TOPIC, 6);
        produce(kafka);
        List<ServiceProcess> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                instances.add(ServiceProcess.start(Application.class, environment(kafka, dir.resolve("state-" + i)),
                        "256m", Path.of("target", "cluster-logs")));
            }
            for (ServiceProcess instance : instances) {
                instance.awaitReady(SETTLED);
            }
            await().atMost(SETTLED).pollInterval(Duration.ofSeconds(1))
                    .until(() -> instances.stream().allMatch(i -> PLANTS.equals(plantsOrNull(i.httpPort()))));
            JsonNode reference = plantsNode(instances.get(0).httpPort());
            for (ServiceProcess instance : instances) {
                assertThat(plantsNode(instance.httpPort())).isEqualTo(reference);
                for (String plant : PLANTS) {
                    assertThat(get(instance.httpPort(), "/api/v1/scorecard/plants/" + plant).statusCode())
                            .as(plant + " on port " + instance.httpPort()).isEqualTo(200);
                }
            }
            assertEachPlantExportedOnce(instances);

            instances.get(0).kill();
            List<ServiceProcess> survivors = instances.subList(1, 3);
            int whole = 0;
            int unavailable = 0;
            long deadline = System.nanoTime() + SETTLED.toNanos();
            boolean settled = false;
            while (!settled && System.nanoTime() < deadline) {
                settled = true;
                for (ServiceProcess survivor : survivors) {
                    HttpResponse<String> response = get(survivor.httpPort(), "/api/v1/scorecard");
                    if (response.statusCode() == 200) {
                        // Never a partial scorecard: the whole union, as before the kill.
                        assertThat(JSON.readTree(response.body()).get("plants")).isEqualTo(reference);
                        whole++;
                    } else {
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                        unavailable++;
                        settled = false;
                    }
                }
                Thread.sleep(250);
            }
            assertThat(settled).as("both survivors serve the union after the rebalance").isTrue();
            assertThat(whole + unavailable).isPositive();
            System.out.printf("After the SIGKILL: %d answers with every plant, %d answers 503 (rebalancing)%n", whole,
                    unavailable);
            assertEachPlantExportedOnce(survivors);
        } finally {
            for (ServiceProcess instance : instances) {
                instance.kill();
            }
        }
    }

    /** Each plant's defect rate (month window) is one series across the instances: no doubles, none missing. */
    private void assertEachPlantExportedOnce(List<ServiceProcess> instances) throws Exception {
        await().atMost(SETTLED).untilAsserted(() -> {
            List<ScrapedMetrics> scrapes = new ArrayList<>();
            for (ServiceProcess instance : instances) {
                scrapes.add(ScrapedMetrics.scrape(instance.httpPort()));
            }
            ScrapedMetrics all = ScrapedMetrics.combine(scrapes.toArray(ScrapedMetrics[]::new));
            for (String plant : PLANTS) {
                assertThat(all.value("analytics_plant_kpi", "plant", plant, "window", "month", "kpi", "defect_rate"))
                        .as(plant).isPresent();
            }
            // The programme is built from every instance's plants and exported by exactly one instance. Seen failing
            // with every instance exporting it (exportsProgramme always true).
            List<Double> programme = scrapes.stream().map(scrape -> scrape.value("analytics_programme_group_plants",
                    "group", "all")).filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble).toList();
            assertThat(programme).containsExactly((double) PLANTS.size());
        });
        for (ServiceProcess instance : instances) {
            HttpResponse<String> response = get(instance.httpPort(), "/api/v1/programme");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).at("/groups/0/plantsWithData").size()).isEqualTo(PLANTS.size());
        }
    }

    private List<String> plantsOrNull(int port) {
        try {
            HttpResponse<String> response = get(port, "/api/v1/scorecard");
            if (response.statusCode() != 200) {
                return null;
            }
            Set<String> plants = new TreeSet<>();
            JSON.readTree(response.body()).get("plants").forEach(card -> plants.add(card.get("plant").asText()));
            return List.copyOf(plants);
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    private JsonNode plantsNode(int port) throws Exception {
        HttpResponse<String> response = get(port, "/api/v1/scorecard");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("plants");
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> environment(KafkaBroker kafka, Path stateDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("kafka.topic.telemetry", TOPIC);
        settings.put("kafka.topic.dlq", "it-cluster.dlq");
        settings.put("kafka.topic.kpi", "it-cluster.kpi");
        settings.put("kafka.topic.baselines", "it-cluster.baselines");
        settings.put("analytics.application.id", "it-cluster");
        settings.put("analytics.state.dir", stateDir.toString());
        settings.put("http.host", "127.0.0.1");
        Map<String, String> environment = new HashMap<>();
        settings.forEach((key, value) -> environment.put(ConfigSource.envName(key), value));
        // A killed instance's partitions move after this, not after the default 45 s.
        environment.put("KAFKA_STREAMS_SESSION_TIMEOUT_MS", "6000");
        environment.put("KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS", "1000");
        return environment;
    }

    /** A few units per plant, each plant in its plant's partition (the key's hash, as the bridge writes them). */
    private static void produce(KafkaBroker kafka) throws Exception {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (String plant : PLANTS) {
                Events eol = Events.station(plant, "l1", "eol");
                for (int hour = 8; hour < 12; hour++) {
                    producer.send(new ProducerRecord<>(TOPIC, eol.key(), eol.unit("2025-03-10T%02d:00".formatted(hour),
                            Duration.ofHours(1), hour == 8 ? UnitResult.DEFECT : UnitResult.GOOD))).get();
                }
            }
        }
    }
}
