package io.pilotwatch.deploy.bench;

import io.pilotwatch.analytics.topology.AnalyticsTopology;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The "done" signal of a Kafka Streams run: the application's committed offsets equal the end offsets of every
 * topic it reads. For the analytics service that is the input topic and its repartition topic (the topology
 * reads telemetry, repartitions it by plant, and only the second sub-topology computes KPIs: the input alone
 * would say "done" far too early). Under exactly_once_v2 an offset is committed in the same transaction as the
 * state changes and outputs of the records before it, so this means every record is processed and its effects
 * are durable. Cheap to poll (three admin requests), unlike a scrape of {@code /metrics}, which builds every
 * scorecard.
 */
final class CommittedOffsets implements AutoCloseable {

    private final Admin admin;
    private final String groupId;
    private final List<String> topics;

    /** The analytics service's topics: {@code topic} and its repartition topic. */
    CommittedOffsets(Map<String, Object> clientConfig, String topic, String applicationId) {
        this(clientConfig, applicationId, List.of(topic, repartitionTopic(applicationId,
                AnalyticsTopology.REPARTITION_NAME)));
    }

    /** Any application reading {@code topics}, internal ones included. */
    CommittedOffsets(Map<String, Object> clientConfig, String applicationId, List<String> topics) {
        this.admin = Admin.create(clientConfig);
        this.groupId = applicationId;
        this.topics = List.copyOf(topics);
    }

    /** The name Kafka Streams gives the topic of {@code repartition(Repartitioned.withName(name))}. */
    static String repartitionTopic(String applicationId, String name) {
        return applicationId + "-" + name + "-repartition";
    }

    /**
     * Records still to be committed by the application over all partitions of its topics (its lag); an internal
     * topic counts as unfinished until Streams has created it.
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

    /**
     * Waits until nothing remains to be committed, polling the Streams state every 20 ms and the offsets every
     * 100 ms (Streams' commit interval under exactly-once).
     *
     * @param state   the application's state, for the startup time and to stop on ERROR
     * @param began   {@link System#nanoTime()} when the application was started
     * @param name    names the application in the exception
     * @return seconds from {@code began} to RUNNING (group join and task assignment)
     * @throws IllegalStateException on ERROR, or when not done within 30 minutes of {@code began}
     */
    double awaitAllCommitted(Supplier<KafkaStreams.State> state, long began, String name) throws Exception {
        long deadline = began + Duration.ofMinutes(30).toNanos();
        double startup = Double.NaN;
        long remaining = Long.MAX_VALUE;
        long lastOffsetPoll = began;
        while (remaining > 0) {
            if (Double.isNaN(startup) && state.get() == KafkaStreams.State.RUNNING) {
                startup = (System.nanoTime() - began) / 1e9;
            }
            if (System.nanoTime() > deadline || state.get() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException(name + " did not finish: " + remaining + " records to go, "
                        + "Streams " + state.get());
            }
            Thread.sleep(20);
            if (System.nanoTime() - lastOffsetPoll >= 100_000_000L) {
                lastOffsetPoll = System.nanoTime();
                remaining = remaining();
            }
        }
        return startup;
    }

    @Override
    public void close() {
        admin.close();
    }
}
