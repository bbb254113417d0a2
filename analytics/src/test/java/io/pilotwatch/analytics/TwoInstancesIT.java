package io.pilotwatch.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.telemetry.UnitResult;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service share the work (same application id, one partition each): each holds a
 * telemetry partition the other does not (the group coordinator's description), together they export every KPI
 * series exactly once — no series doubled, none missing — and when one stops, the other takes its partition over
 * and exports everything on its own.
 *
 * <p>Seen failing (2026-12-06) with {@code StreamsSettings} giving every instance the same
 * {@code group.instance.id} (static membership): one instance ended up holding both partitions and the other
 * none.
 */
@RealBrokers
class TwoInstancesIT {

    private static final Duration SETTLED = Duration.ofSeconds(120);
    private static final String APPLICATION = "it-two";
    private static final String TELEMETRY = "it-two.telemetry";
    private static final String FIRST = "instance-a";
    private static final String SECOND = "instance-b";
    private static final String PLANT = ReferenceMonth.PLANT;
    /** Its key {@code cd-valve/l1} hashes to partition 1, the reference plant's lines to partition 0. */
    private static final String OTHER = "cd-valve";
    private static final String[] MONTH = {"plant", PLANT, "window", "month"};

    @Test
    void kpiSeriesAreExportedOnceAcrossInstancesAndSurviveARebalance(KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        kafka.createTopic(TELEMETRY, 2);
        produce(kafka, ReferenceMonth.records());
        // A second plant whose key hashes to the other partition, so that both instances have work.
        Events valve = Events.station(OTHER, "l1", "eol");
        produce(kafka, List.of(
                Map.entry(valve.key(), valve.unit("2025-03-10T10:00", Duration.ofHours(2), UnitResult.GOOD)),
                Map.entry(valve.key(), valve.unit("2025-03-10T11:00", Duration.ofHours(2), UnitResult.GOOD)),
                Map.entry(valve.key(), valve.unit("2025-03-10T12:00", Duration.ofHours(2), UnitResult.GOOD)),
                Map.entry(valve.key(), valve.unit("2025-03-10T13:00", Duration.ofHours(2), UnitResult.SCRAP))));
        AnalyticsService first = AnalyticsService.start(AnalyticsConfig.fromMap(settings(kafka, dir, FIRST)));
        try (AnalyticsService second = AnalyticsService.start(AnalyticsConfig.fromMap(settings(kafka, dir, SECOND)));
             Admin admin = Admin.create(kafka.clientConfig())) {
            // Which instance holds which partition is the assignor's choice: each holds some, none holds one twice.
            await().atMost(SETTLED).untilAsserted(() -> {
                Map<String, Set<Integer>> held = telemetryPartitionsByInstance(admin);
                assertThat(held).as("telemetry partitions by instance").containsOnlyKeys(FIRST, SECOND);
                assertThat(held.get(FIRST)).as("held by " + FIRST).isNotEmpty()
                        .doesNotContainAnyElementsOf(held.get(SECOND));
                assertThat(held.get(SECOND)).as("held by " + SECOND).isNotEmpty();
                Set<Integer> all = new TreeSet<>(held.get(FIRST));
                all.addAll(held.get(SECOND));
                assertThat(all).as("telemetry partitions held").containsExactly(0, 1);
            });
            await().atMost(SETTLED).untilAsserted(() -> assertReferenceKpis(ScrapedMetrics.combine(
                    ScrapedMetrics.scrape(first.httpPort()), ScrapedMetrics.scrape(second.httpPort()))));

            first.close();

            await().atMost(SETTLED).untilAsserted(() -> assertThat(telemetryPartitionsByInstance(admin))
                    .as("telemetry partitions by instance after the first stopped").isEqualTo(Map.of(SECOND, Set.of(0, 1))));
            await().atMost(SETTLED).untilAsserted(() -> assertReferenceKpis(ScrapedMetrics.scrape(second.httpPort())));
        } finally {
            first.close();
        }
    }

    /**
     * The telemetry partitions each instance's stream threads hold in the stable group, as the group coordinator
     * describes it (members named by their client id, {@code <instance>-StreamThread-<n>-consumer}).
     */
    private static Map<String, Set<Integer>> telemetryPartitionsByInstance(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(APPLICATION)).all().get().get(APPLICATION);
        assertThat(group.groupState()).as("state of group " + APPLICATION).isEqualTo(GroupState.STABLE);
        Map<String, Set<Integer>> held = new TreeMap<>();
        for (MemberDescription member : group.members()) {
            String instance = member.clientId().replaceFirst("-StreamThread-.*", "");
            Set<Integer> partitions = held.computeIfAbsent(instance, k -> new TreeSet<>());
            member.assignment().topicPartitions().stream().filter(p -> p.topic().equals(TELEMETRY))
                    .forEach(p -> assertThat(partitions.add(p.partition())).as("partition %s held twice by %s", p, instance)
                            .isTrue());
        }
        return held;
    }

    /** KPI gauges of docs/kpis.md's worked example; {@code value} fails if two instances export one series. */
    private static void assertReferenceKpis(ScrapedMetrics m) {
        assertThat(m.value("analytics_plant_kpi", with("kpi", "defect_rate"))).hasValue(2.0 / 6);
        assertThat(m.value("analytics_plant_kpi_sample_size", with("kpi", "defect_rate"))).hasValue(6);
        assertThat(m.value("analytics_plant_kpi", with("kpi", "production_cycle")).getAsDouble())
                .isCloseTo(9600, within(1e-9));
        assertThat(m.value("analytics_plant_kpi", with("kpi", "operating_cost")).getAsDouble())
                .isCloseTo(205, within(1e-9));
        assertThat(m.value("analytics_plant_kpi", with("kpi", "cnc_ratio")).getAsDouble())
                .isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.value("analytics_line_kpi", "plant", PLANT, "line", "l1", "window", "month", "kpi", "defect_rate"))
                .hasValue(0.25);
        assertThat(m.value("analytics_line_kpi", "plant", PLANT, "line", "l2", "window", "month", "kpi", "defect_rate"))
                .hasValue(0.5);
        assertThat(m.value("analytics_plant_kpi", "plant", OTHER, "window", "month", "kpi", "defect_rate")).hasValue(0.25);
    }

    private static String[] with(String... more) {
        String[] labels = new String[MONTH.length + more.length];
        System.arraycopy(MONTH, 0, labels, 0, MONTH.length);
        System.arraycopy(more, 0, labels, MONTH.length, more.length);
        return labels;
    }

    private static Map<String, String> settings(KafkaBroker kafka, Path dir, String instance) {
        Path stateDir = dir.resolve(instance);
        Map<String, String> settings = new HashMap<>();
        // Names the instance's consumers in the group description.
        settings.put("kafka.streams.client.id", instance);
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("kafka.topic.telemetry", TELEMETRY);
        settings.put("kafka.topic.dlq", "it-two.dlq");
        settings.put("kafka.topic.kpi", "it-two.kpi");
        settings.put("kafka.topic.baselines", "it-two.baselines");
        settings.put("analytics.application.id", APPLICATION);
        settings.put("analytics.state.dir", stateDir.toString());
        settings.put("analytics.publish.interval.seconds", "1");
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        // Streams does not leave the group on close: the stopped instance's partition moves after the session
        // timeout, 6 s here rather than the default 45 s.
        settings.put("kafka.streams.session.timeout.ms", "6000");
        settings.put("kafka.streams.heartbeat.interval.ms", "1000");
        return settings;
    }

    private static void produce(KafkaBroker kafka, List<Map.Entry<byte[], byte[]>> records) throws Exception {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Map.Entry<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(TELEMETRY, record.getKey(), record.getValue())).get();
            }
        }
    }
}
