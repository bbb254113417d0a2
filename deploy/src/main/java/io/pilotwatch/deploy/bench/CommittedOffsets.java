package io.pilotwatch.deploy.bench;

import io.pilotwatch.analytics.topology.AnalyticsTopology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The "done" signal of the analytics run: the application's committed offsets equal the end offsets of both
 * the input topic and its repartition topic (the topology reads telemetry, repartitions it by plant, and only
 * the second sub-topology computes KPIs: the input alone would say "done" far too early). Under exactly_once_v2
 * an offset is committed in the same transaction as the state changes and outputs of the records before it,
 * so this means every record is processed and its effects are durable. Cheap to poll (three admin requests),
 * unlike a scrape of {@code /metrics}, which builds every scorecard.
 */
final class CommittedOffsets implements AutoCloseable {

    private final Admin admin;
    private final String groupId;
    private final List<String> topics;

    CommittedOffsets(Map<String, Object> clientConfig, String topic, String applicationId) {
        this.admin = Admin.create(clientConfig);
        this.groupId = applicationId;
        this.topics = List.of(topic, applicationId + "-" + AnalyticsTopology.REPARTITION_NAME + "-repartition");
    }

    /**
     * Records still to be committed by the application over all partitions of both topics (its lag); the
     * repartition topic counts as unfinished until Streams has created it.
     */
    long remaining() throws Exception {
        if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(topics)) {
            return Long.MAX_VALUE;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long remaining = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            remaining += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return remaining;
    }

    @Override
    public void close() {
        admin.close();
    }
}
