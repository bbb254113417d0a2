package io.pilotwatch.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.UnitResult;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.Promtool;
import io.pilotwatch.support.config.ConfigSource;
import io.pilotwatch.testkit.RealBrokers;
import io.pilotwatch.testkit.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service against a real Kafka: the reference month of docs/kpis.md plus a duplicate, a record that is
 * not JSON, a cost in the wrong currency and a late unit go in; the scraped metrics must equal the
 * hand-computed values, uninterrupted and across a SIGKILL with a restart on the same state directory.
 */
@RealBrokers
class AnalyticsServiceIT {

    private static final Duration PROCESSED = Duration.ofSeconds(90);
    private static final String PLANT = ReferenceMonth.PLANT;
    private static final String FILLER = "filler";
    private static final int FILLER_UNITS = 5_000;

    @Test
    void scrapedMetricsEqualTheHandComputedKpis(KafkaBroker kafka, @TempDir Path stateDir) throws Exception {
        Map<String, String> settings = settings(kafka, "it-plain", stateDir);
        createTopics(kafka, "it-plain");
        produce(kafka, "it-plain.telemetry", allRecords());

        Map<String, String> values = new HashMap<>(settings);
        values.put("http.port", "0");
        try (AnalyticsService service = AnalyticsService.start(AnalyticsConfig.fromMap(values))) {
            await().atMost(PROCESSED).untilAsserted(() -> assertHandComputedValues(ScrapedMetrics.scrape(service.httpPort())));

            // Prometheus' own linter judges the whole exposition: KPI series, Kafka Streams and JVM metrics.
            assertThat(Promtool.checkMetrics(get(service.httpPort(), "/metrics")))
                    .as("promtool check metrics findings").isEmpty();

            String json = get(service.httpPort(), "/api/v1/scorecard");
            assertThat(json).contains("\"plant\":\"hz-gearbox\"", "\"definitionsVersion\":\"kpis/2\"", "\"verdict\"");
            String csv = get(service.httpPort(), "/api/v1/scorecard.csv");
            assertThat(csv.lines().findFirst().orElseThrow()).startsWith("plant,kpi,unit,currency,baseline");
            // 5 targeted KPIs x 2 policy milestones, plus the header.
            assertThat(csv.lines().count()).isEqualTo(11);
        }
    }

    @Test
    void killedAndRestartedServiceEndsWithTheSameResults(KafkaBroker kafka, @TempDir Path stateDir) throws Exception {
        Map<String, String> settings = settings(kafka, "it-crash", stateDir);
        settings.put("kafka.streams.session.timeout.ms", "6000");
        settings.put("kafka.streams.heartbeat.interval.ms", "1000");
        createTopics(kafka, "it-crash");
        List<Map.Entry<byte[], byte[]>> records = allRecords();
        int half = records.size() / 2;
        Path logs = Path.of("target", "analytics-logs");

        ServiceProcess first = ServiceProcess.start(Application.class, environment(settings), "384m", logs);
        try {
            first.awaitReady(PROCESSED);
            produce(kafka, "it-crash.telemetry", records.subList(0, half));
            // Another plant's backlog keeps the service busy, so the kill lands in the middle of processing.
            produce(kafka, "it-crash.telemetry", filler());
            await().atMost(PROCESSED).until(() -> ScrapedMetrics.scrape(first.httpPort())
                    .sum("analytics_events_accepted_total", "plant", FILLER) >= 500);
        } finally {
            first.kill();
        }
        produce(kafka, "it-crash.telemetry", records.subList(half, records.size()));

        ServiceProcess second = ServiceProcess.start(Application.class, environment(settings), "384m", logs);
        try {
            second.awaitReady(PROCESSED);
            await().atMost(PROCESSED).untilAsserted(() -> {
                ScrapedMetrics metrics = ScrapedMetrics.scrape(second.httpPort());
                assertHandComputedValues(metrics);
                // Exactly once: every filler unit counted once, none lost or doubled by the crash.
                assertThat(metrics.value("analytics_events_accepted_total", "plant", FILLER, "kind", "unit"))
                        .hasValue(FILLER_UNITS);
                assertThat(metrics.value("analytics_events_duplicate_total", "plant", FILLER)).hasValue(0);
            });
        } finally {
            second.kill();
        }
    }

    /** Docs/kpis.md's worked example, plus what the extra records must add to the counts. */
    private static void assertHandComputedValues(ScrapedMetrics m) {
        String[] month = {"plant", PLANT, "window", "month"};
        assertThat(m.sum("analytics_events_accepted_total", "plant", PLANT)).isEqualTo(22);
        assertThat(m.value("analytics_plant_kpi", with(month, "kpi", "defect_rate"))).hasValue(2.0 / 6);
        // Day-clustered Wilson (design effect 1.75, t with 2 degrees of freedom), derived in KpiFiguresTest.
        assertThat(m.value("analytics_plant_kpi_lower", with(month, "kpi", "defect_rate")).getAsDouble())
                .isCloseTo(0.0186846065, within(1e-9));
        assertThat(m.value("analytics_plant_kpi_upper", with(month, "kpi", "defect_rate")).getAsDouble())
                .isCloseTo(0.9292285821, within(1e-9));
        assertThat(m.value("analytics_plant_kpi_sample_size", with(month, "kpi", "defect_rate"))).hasValue(6);
        assertThat(m.value("analytics_plant_kpi", with(month, "kpi", "production_cycle")).getAsDouble())
                .isCloseTo(9600, within(1e-9));
        // Day-clustered, floored at the units' own variance, clipped at 0 (KpiFiguresTest).
        assertThat(m.value("analytics_plant_kpi_lower", with(month, "kpi", "production_cycle")).getAsDouble())
                .isZero();
        assertThat(m.value("analytics_plant_kpi_upper", with(month, "kpi", "production_cycle")).getAsDouble())
                .isCloseTo(19926.366552, within(1e-5));
        assertThat(m.value("analytics_plant_kpi", with(month, "kpi", "operating_cost")).getAsDouble())
                .isCloseTo(205, within(1e-9));
        assertThat(m.value("analytics_plant_kpi_upper", with(month, "kpi", "operating_cost")).getAsDouble())
                .isCloseTo(390.6103497197, within(1e-6));
        assertThat(m.value("analytics_plant_kpi", with(month, "kpi", "energy_per_unit")).getAsDouble())
                .isCloseTo(35, within(1e-9));
        assertThat(m.value("analytics_plant_kpi", with(month, "kpi", "cnc_ratio")).getAsDouble())
                .isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.value("analytics_plant_kpi", with(month, "kpi", "oee")).getAsDouble())
                .isCloseTo(1600.0 / 129_600 * 4 / 6, within(1e-12));
        assertThat(m.value("analytics_line_kpi", "plant", PLANT, "line", "l1", "window", "month", "kpi", "defect_rate"))
                .hasValue(0.25);
        assertThat(m.value("analytics_plant_cost_per_good_unit", with(month, "category", "labor"))).hasValue(150.0);
        assertThat(m.value("analytics_events_duplicate_total", "plant", PLANT)).hasValue(1);
        assertThat(m.value("analytics_events_late_total", "plant", PLANT, "kind", "unit")).hasValue(1);
        assertThat(m.value("analytics_records_rejected_total", "plant", PLANT, "reason", "bad_json")).hasValue(1);
        assertThat(m.value("analytics_records_rejected_total", "plant", PLANT, "reason", "bad_value")).hasValue(1);
        // No baseline: the built-in plan learns from 2015, when this plant sent nothing.
        assertThat(m.value("analytics_verdict", "plant", PLANT, "kpi", "defect_rate", "milestone", "2025",
                "state", "inconclusive")).hasValue(1);
        assertThat(m.value("analytics_verdict", "plant", PLANT, "kpi", "defect_rate", "milestone", "2025",
                "state", "met")).hasValue(0);
        assertThat(m.sum("kafka_stream_thread_process_total")).isGreaterThan(0);
    }

    /** The reference month, one duplicate, one record that is not JSON, a USD cost and a late unit. */
    private static List<Map.Entry<byte[], byte[]>> allRecords() {
        List<Map.Entry<byte[], byte[]>> records = new ArrayList<>(ReferenceMonth.records());
        Events eol = Events.station(PLANT, "l1", "eol");
        records.add(records.get(12));
        records.add(Map.entry(eol.key(), "{\"seq\":".getBytes(StandardCharsets.UTF_8)));
        records.add(Map.entry(eol.key(), eol.cost("2025-03-05T12:00", CostCategory.OTHER, "5", "USD", null)));
        // February closed once the clock passed 3 March 00:00 (end of February + 48 h).
        records.add(Map.entry(eol.key(), eol.unit("2025-02-20T10:00", Duration.ofHours(1), UnitResult.GOOD)));
        return records;
    }

    /** Units of another plant, one a minute from 1 March 2025. */
    private static List<Map.Entry<byte[], byte[]>> filler() {
        Events eol = Events.station(FILLER, "l1", "eol");
        List<Map.Entry<byte[], byte[]>> records = new ArrayList<>();
        java.time.LocalDateTime start = java.time.LocalDateTime.of(2025, 3, 1, 0, 0);
        for (int i = 0; i < FILLER_UNITS; i++) {
            records.add(Map.entry(eol.key(), eol.unit(start.plusMinutes(i).toString(), Duration.ofMinutes(30),
                    UnitResult.GOOD)));
        }
        return records;
    }

    private static Map<String, String> settings(KafkaBroker kafka, String prefix, Path stateDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("kafka.topic.telemetry", prefix + ".telemetry");
        settings.put("kafka.topic.dlq", prefix + ".dlq");
        settings.put("kafka.topic.kpi", prefix + ".kpi");
        settings.put("kafka.topic.baselines", prefix + ".baselines");
        settings.put("analytics.application.id", prefix);
        settings.put("analytics.state.dir", stateDir.resolve("state").toString());
        settings.put("analytics.publish.interval.seconds", "1");
        settings.put("http.host", "127.0.0.1");
        return settings;
    }

    private static void createTopics(KafkaBroker kafka, String prefix) {
        kafka.createTopic(prefix + ".telemetry", 2);
    }

    private static void produce(KafkaBroker kafka, String topic, List<Map.Entry<byte[], byte[]>> records)
            throws Exception {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Map.Entry<byte[], byte[]> record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (java.util.concurrent.Future<?> ack : sent) {
                ack.get();
            }
        }
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of " + path).isEqualTo(200);
        return response.body();
    }

    private static String[] with(String[] labels, String key, String value) {
        String[] all = java.util.Arrays.copyOf(labels, labels.length + 2);
        all[labels.length] = key;
        all[labels.length + 1] = value;
        return all;
    }

    /** The configuration as the environment variables a deployed service would get. */
    private static Map<String, String> environment(Map<String, String> config) {
        Map<String, String> environment = new java.util.HashMap<>();
        config.forEach((key, value) -> environment.put(ConfigSource.envName(key), value));
        return environment;
    }
}
