package io.pilotwatch.analytics.cluster;

import io.pilotwatch.analytics.store.StoreNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.StreamsMetadata;

/**
 * Where the plants live among the instances of the application, from Kafka Streams' own metadata (every instance
 * advertises its HTTP address as {@code application.server}): a plant's state is in the task of its plant's
 * partition, held by one instance at a time.
 */
public class Instances {

    /**
     * The other instances now, and whether every partition of the telemetry topic has an active owner (false while
     * a rebalance hands partitions over, or before one has assigned them all).
     */
    public record Placement(boolean complete, List<HostInfo> others) {
    }

    private final KafkaStreams streams;
    private final HostInfo self;
    private final String telemetryTopic;
    private final int partitions;

    /**
     * @param self       this instance's advertised address
     * @param partitions the telemetry topic's partition count
     */
    public Instances(KafkaStreams streams, HostInfo self, String telemetryTopic, int partitions) {
        this.streams = streams;
        this.self = self;
        this.telemetryTopic = telemetryTopic;
        this.partitions = partitions;
    }

    public HostInfo self() {
        return self;
    }

    public Placement placement() {
        Set<Integer> owned = new HashSet<>();
        List<HostInfo> others = new ArrayList<>();
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            for (TopicPartition partition : instance.topicPartitions()) {
                if (partition.topic().equals(telemetryTopic)) {
                    owned.add(partition.partition());
                }
            }
            if (!instance.hostInfo().equals(self)) {
                others.add(instance.hostInfo());
            }
        }
        return new Placement(owned.size() == partitions, others);
    }

    /** The instance holding {@code plant} as an active task: empty when it is this one or unknown now. */
    public Optional<HostInfo> ownerOf(String plant) {
        // The default partitioner hashes the key's bytes (murmur2): for the plant id as key, that is the plant's
        // partition as the topology and the bridge place it (PlantPartitioner).
        KeyQueryMetadata metadata = streams.queryMetadataForKey(StoreNames.PLANTS, plant, new StringSerializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)
                || metadata.activeHost().equals(self)) {
            return Optional.empty();
        }
        return Optional.of(metadata.activeHost());
    }
}
