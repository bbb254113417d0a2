package io.pilotwatch.deploy.faults;

import static org.awaitility.Awaitility.await;

import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Everything a Kafka topic holds, read from the start (committed records only), and counted by message id. */
final class TopicContents implements AutoCloseable {

    private static final TelemetryCodec CODEC = new TelemetryCodec();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<String> stationSeqs = new HashSet<>();
    private final Map<String, Map<String, Long>> distinct = new TreeMap<>();

    TopicContents(String bootstrapServers, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code condition} holds for what was read, or fails after {@code timeout}. */
    TopicContents awaitUntil(Predicate<TopicContents> condition, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(this::add);
            return condition.test(this);
        });
        return this;
    }

    /** Polls for {@code quiet} more, to catch records beyond what was awaited. */
    TopicContents drain(Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::add);
        }
        return this;
    }

    List<ConsumerRecord<byte[], byte[]>> records() {
        return List.copyOf(records);
    }

    private void add(ConsumerRecord<byte[], byte[]> record) {
        records.add(record);
        DecodeResult result = CODEC.decodeNormalized(record.value());
        if (!(result instanceof DecodeResult.Accepted accepted)) {
            distinct.computeIfAbsent("invalid", k -> new TreeMap<>()).merge("invalid", 1L, Long::sum);
            return;
        }
        TelemetryEvent event = accepted.event();
        stationSeqs.add(event.station().station() + "/" + event.seq());
        if (seen.add(event.station() + "/" + event.boot() + "/" + event.seq())) {
            distinct.computeIfAbsent(event.station().plant(), k -> new TreeMap<>())
                    .merge(event.kind().wireName(), 1L, Long::sum);
        }
    }

    /** Distinct message ids (station, boot, seq) by plant and kind; records that do not decode count as "invalid". */
    Map<String, Map<String, Long>> distinctByPlantAndKind() {
        return distinct;
    }

    /** Ids {@code station/seq} of the valid records read (station ids only: for single-line streams). */
    Set<String> stationSeqs() {
        return stationSeqs;
    }

    long distinctTotal() {
        return distinct.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
