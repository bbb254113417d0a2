package io.pilotwatch.deploy.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The reference: the fastest a client can take the backlog off this broker, a plain consumer with byte[]
 * (no parsing) and default fetch settings, as the Streams consumer has. Partitions are assigned, not
 * subscribed, so no group rebalance is timed.
 */
final class PlainConsumerRead {

    private PlainConsumerRead() {
    }

    /** @return seconds to read {@code records} records from the beginning */
    static double readAll(Map<String, Object> clientConfig, String topic, long records) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            long began = System.nanoTime();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            while (read < records) {
                read += consumer.poll(Duration.ofMillis(500)).count();
                if (System.nanoTime() - began > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException("plain consumer read only " + read + " of " + records);
                }
            }
            return (System.nanoTime() - began) / 1e9;
        }
    }
}
