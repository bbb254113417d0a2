package io.pilotwatch.analytics.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.kpi.ClosedFigures;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.scorecard.KpiRecords;
import io.pilotwatch.analytics.scorecard.ScorecardBuilder;
import io.pilotwatch.analytics.store.Json;
import io.pilotwatch.analytics.store.KpiData;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Publishes the KPI snapshots of the plants this task holds to the compacted KPI topic, only the records that
 * changed since the last time (all of them once after a restart, which compaction absorbs).
 *
 * <p>A scorecard is a function of the plant's stored state and of {@link ScorecardBuilder#openFrom}, its only
 * input that moves with the wall clock alone. So a plant is rebuilt only when it {@linkplain #changed changed}
 * since its last build or its {@code openFrom} is not the one that build used; every plant is built at the
 * first publication of this task.
 */
final class KpiPublisher {

    private final KpiData data;
    private final ScorecardBuilder builder;
    private final Map<String, String> lastSent = new HashMap<>();
    private final Set<String> changed = new HashSet<>();
    /** The {@code openFrom} each plant was last built with. */
    private final Map<String, Long> builtWith = new HashMap<>();

    KpiPublisher(KpiData data, AnalyticsConfig config, LongSupplier wallClock, ClosedFigures closed) {
        this.data = data;
        this.builder = new ScorecardBuilder(data, config, wallClock, closed).withoutPaths();
    }

    /** Marks the plant's state as changed: an event of it was taken, counted or refused, or a baseline frozen. */
    void changed(String plant) {
        changed.add(plant);
    }

    void publish(long nowMillis, ProcessorContext<byte[], byte[]> context) {
        for (String plant : data.plants()) {
            PlantRecord record = data.plant(plant).orElseThrow();
            long openFrom = builder.openFrom(plant, record);
            Long previous = builtWith.get(plant);
            if (previous != null && previous == openFrom && !changed.contains(plant)) {
                continue;
            }
            forwardChanges(KpiRecords.of(builder.build(plant, record, openFrom)), nowMillis, context);
            builtWith.put(plant, openFrom);
        }
        changed.clear();
    }

    private void forwardChanges(Map<String, ObjectNode> records, long nowMillis,
                                ProcessorContext<byte[], byte[]> context) {
        for (Map.Entry<String, ObjectNode> entry : records.entrySet()) {
            String json = write(entry.getValue());
            if (!json.equals(lastSent.get(entry.getKey()))) {
                context.forward(new Record<>(entry.getKey().getBytes(StandardCharsets.UTF_8),
                        json.getBytes(StandardCharsets.UTF_8), nowMillis), AnalyticsTopology.KPI_SINK);
                lastSent.put(entry.getKey(), json);
            }
        }
    }

    private static String write(ObjectNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a KPI record as JSON", e);
        }
    }
}
