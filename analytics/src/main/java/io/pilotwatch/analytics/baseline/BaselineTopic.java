package io.pilotwatch.analytics.baseline;

import io.pilotwatch.analytics.store.JsonSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every baseline published on the compacted baselines topic, at start, so that the baselines file
 * can be checked against them and a fresh state (new state dir or application id) adopts them instead of
 * learning again.
 */
public final class BaselineTopic {

    private BaselineTopic() {
    }

    /** The latest baseline per {@code plant/kpi} (committed records only), up to the topic's current end. */
    public static Map<String, Baseline> readAll(String bootstrapServers, String topic, Duration timeout) {
        return readAll(bootstrapServers, Map.of(), topic, timeout);
    }

    /** @param security the client's connection security ({@code security.*}, {@code sasl.*}, {@code ssl.*}) */
    public static Map<String, Baseline> readAll(String bootstrapServers, Map<String, Object> security, String topic,
                                                Duration timeout) {
        Properties props = new Properties();
        props.putAll(security);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "pilotwatch-analytics-baseline-reader");
        Deserializer<Baseline> values = new JsonSerde<>(Baseline.class).deserializer();
        Map<String, Baseline> baselines = new HashMap<>();
        try (KafkaConsumer<String, Baseline> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, Baseline> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        baselines.remove(record.key());
                    } else {
                        baselines.put(record.key(), record.value());
                    }
                }
            }
        }
        return baselines;
    }
}
