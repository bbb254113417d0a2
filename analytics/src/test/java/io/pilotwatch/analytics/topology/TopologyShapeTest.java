package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.kpi.ClosedFigures;
import io.pilotwatch.analytics.store.StoreNames;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * The shape of the topology: every node costs Kafka Streams per-record work, so a record in its plant's partition
 * passes the fewest nodes; and the names deployed applications depend on (the repartition topic, the stores, so
 * their changelog topics) stay.
 */
class TopologyShapeTest {

    private final TopologyDescription description = describe();

    @Test
    void aRecordInItsPlantsPartitionPassesFourNodes() {
        Map<String, Set<String>> next = successors();
        assertThat(next.get("telemetry-source")).containsExactly("classify");
        assertThat(next.get("classify")).containsExactlyInAnyOrder("by-plant", "keep-keyless");
        assertThat(next.get("by-plant")).containsExactly("telemetry-processor");
        assertThat(next.get("telemetry-processor")).containsExactlyInAnyOrder("dlq-sink", "kpi-sink", "baselines-sink");
    }

    @Test
    void recordsElsewhereCrossTheRepartitionTopicAndMeetTheOthersBeforeTheProcessor() {
        TopologyDescription.Sink toPlant = (TopologyDescription.Sink) node("analytics-by-plant-repartition-sink");
        assertThat(toPlant.topic()).isEqualTo("analytics-by-plant-repartition");
        TopologyDescription.Source fromPlant = (TopologyDescription.Source) node("analytics-by-plant-repartition-source");
        assertThat(fromPlant.topicSet()).containsExactly("analytics-by-plant-repartition");
        assertThat(successors().get(fromPlant.name())).containsExactly("by-plant");
    }

    @Test
    void theProcessorKeepsItsStoresAndOneSubtopologyHoldsThemAll() {
        TopologyDescription.Processor processor = (TopologyDescription.Processor) node("telemetry-processor");
        assertThat(processor.stores()).containsExactlyInAnyOrder(StoreNames.PLANTS, StoreNames.DAYS,
                StoreNames.SKETCHES, StoreNames.STATIONS, StoreNames.BASELINES, StoreNames.DEDUP);
        assertThat(description.subtopologies()).hasSize(1);
    }

    private Map<String, Set<String>> successors() {
        Map<String, Set<String>> next = new TreeMap<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                next.put(node.name(), node.successors().stream().map(TopologyDescription.Node::name)
                        .collect(Collectors.toSet()));
            }
        }
        return next;
    }

    private TopologyDescription.Node node(String name) {
        return description.subtopologies().stream().flatMap(s -> s.nodes().stream())
                .filter(node -> node.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private static TopologyDescription describe() {
        AnalyticsConfig config = AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "unused:9092"));
        StreamsBuilder builder = new StreamsBuilder();
        AnalyticsTopology.buildTopology(builder, config, 3, new ClosedFigures(config.processing().grace()));
        return builder.build().describe();
    }
}
