package io.pilotwatch.analytics.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the repartition topic by plant (the key's part before {@code /}), keeping the original key:
 * all lines of a plant meet in one task, so plant figures are sums over lines held in one place, while a
 * line's records keep their order (they all come from one input partition).
 */
public final class PlantPartitioner implements StreamPartitioner<byte[], Classified> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, byte[] key, Classified value, Headers headers,
                                             int numPartitions) {
        return Optional.of(Set.of(partitionOf(key, numPartitions)));
    }

    /**
     * The partition of the record's plant: Kafka's default hash (murmur2) of the plant id instead of the whole
     * key. The ingest bridge's producer partitions {@code factory.telemetry.v1} by the same rule (see
     * docs/telemetry.md), so records from it are already where this partitioner would put them.
     */
    public static int partitionOf(byte[] key, int numPartitions) {
        String plant = LineKey.parse(key).map(LineKey::plant).orElse("");
        return Utils.toPositive(Utils.murmur2(plant.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }

    /** Still abstract in Kafka 4.4 though deprecated: the same as the variant with headers. */
    @Override
    @Deprecated(forRemoval = true)
    @SuppressWarnings("removal")
    public Optional<Set<Integer>> partitions(String topic, byte[] key, Classified value, int numPartitions) {
        return partitions(topic, key, value, null, numPartitions);
    }
}
