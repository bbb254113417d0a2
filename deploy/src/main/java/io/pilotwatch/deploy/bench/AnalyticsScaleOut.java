package io.pilotwatch.deploy.bench;

import io.pilotwatch.analytics.AnalyticsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Several analytics instances of one application id splitting the partitions of the same backlog (issue 8's
 * scale-out): the time until every record is committed, and what each instance's own {@code /metrics} counts
 * once done. Each instance exports only the plants of the tasks it holds, so the counts must add up to the
 * backlog exactly: a plant exported twice or by nobody would show here.
 *
 * @param seconds           from starting the instances to every record committed and counted
 * @param records           records on the topic (the backlog, plus the freshness probes of the runs before)
 * @param countedPerInstance records counted by each instance's metrics at the end
 */
record AnalyticsScaleOut(double seconds, long records, List<Long> countedPerInstance) {

    long counted() {
        return countedPerInstance.stream().mapToLong(Long::longValue).sum();
    }

    boolean exact() {
        return counted() == records;
    }

    static AnalyticsScaleOut run(Map<String, Object> clientConfig, String bootstrapServers, String topic,
                                 int instances) throws Exception {
        long records = recordsOn(clientConfig, topic);
        String applicationId = "bench-scale-out-" + System.currentTimeMillis();
        List<AnalyticsService> services = new ArrayList<>();
        List<Path> stateDirs = new ArrayList<>();
        try (CommittedOffsets offsets = new CommittedOffsets(clientConfig, topic, applicationId)) {
            long began = System.nanoTime();
            for (int i = 0; i < instances; i++) {
                Path stateDir = Files.createTempDirectory("analytics-bench-scale-out");
                stateDirs.add(stateDir);
                services.add(AnalyticsService.start(AnalyticsRun.config(bootstrapServers, topic, applicationId, stateDir, 1)));
            }
            long deadline = began + Duration.ofMinutes(30).toNanos();
            while (offsets.remaining() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the scale-out instances did not finish within 30 minutes");
                }
                Thread.sleep(100);
            }
            List<Long> counted = countAll(services);
            while (counted.stream().mapToLong(Long::longValue).sum() < records && System.nanoTime() < deadline) {
                Thread.sleep(250);
                counted = countAll(services);
            }
            return new AnalyticsScaleOut((System.nanoTime() - began) / 1e9, records, counted);
        } finally {
            for (AnalyticsService service : services) {
                service.close();
            }
            for (Path dir : stateDirs) {
                AnalyticsBenchmark.deleteRecursively(dir);
            }
        }
    }

    /** Records on {@code topic}: the sum of its end offsets (no transactions write it, so no markers). */
    static long recordsOn(Map<String, Object> clientConfig, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clientConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static List<Long> countAll(List<AnalyticsService> services) throws Exception {
        List<Long> counted = new ArrayList<>();
        for (AnalyticsService service : services) {
            counted.add(MetricsScrape.of(service.httpPort()).recordsCounted());
        }
        return counted;
    }
}
