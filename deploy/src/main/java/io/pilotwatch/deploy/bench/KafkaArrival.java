package io.pilotwatch.deploy.bench;

import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.TelemetryCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Publish-to-Kafka latency as a reader of the telemetry topic sees it: each record's {@code ts} is the wall
 * clock at publish ({@link LoadGenerator#liveTimestamps()}), so now minus {@code ts} at the moment the
 * consumer receives it is the whole path (MQTT, bridge, Kafka append and replication, one fetch), in
 * milliseconds. Publisher and reader share this machine's clock.
 */
final class KafkaArrival implements AutoCloseable {

    private final Recorder latencyMillis = new Recorder(3);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    KafkaArrival(String bootstrapServers, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(() -> read(consumer), "kafka-arrival");
        thread.setDaemon(true);
        thread.start();
    }

    private void read(KafkaConsumer<byte[], byte[]> consumer) {
        TelemetryCodec codec = new TelemetryCodec();
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    DecodeResult decoded = codec.decodeNormalized(record.value());
                    if (decoded instanceof DecodeResult.Accepted accepted) {
                        latencyMillis.recordValue(Math.max(0, now - accepted.event().ts().toEpochMilli()));
                    }
                }
            }
        }
    }

    /** Latencies since the last call, in milliseconds. */
    org.HdrHistogram.Histogram take() {
        return latencyMillis.getIntervalHistogram();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
