package io.pilotwatch.ingest.forward;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Puts every record of a plant in one partition: Kafka's default hash (murmur2) of the plant id, the key's part
 * before {@code /}, instead of the whole {@code {plant}/{line}} key. A line's records still share a partition and
 * keep their order; and since the analytics application gathers each plant in one task, records that are
 * already in their plant's partition need no repartition topic there (docs/telemetry.md, "Kafka records").
 * Records without a key (the DLQ's, for a topic that names no station) go to any partition.
 */
public final class PlantPartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
                         Cluster cluster) {
        int partitions = cluster.partitionsForTopic(topic).size();
        if (keyBytes == null) {
            return ThreadLocalRandom.current().nextInt(partitions);
        }
        return partitionOf(keyBytes, partitions);
    }

    /** The partition of the key's plant: murmur2 of the bytes before the first {@code /} (all of them if none). */
    public static int partitionOf(byte[] key, int partitions) {
        int plantLength = 0;
        while (plantLength < key.length && key[plantLength] != '/') {
            plantLength++;
        }
        byte[] plant = plantLength == key.length ? key : Arrays.copyOf(key, plantLength);
        return Utils.toPositive(Utils.murmur2(plant)) % partitions;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
