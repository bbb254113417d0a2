package io.pilotwatch.analytics.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.scorecard.KpiRecords;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardBuilder;
import io.pilotwatch.analytics.store.Json;
import io.pilotwatch.analytics.store.KpiData;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Publishes the KPI snapshot of every plant this task holds to the compacted KPI topic, only the records
 * that changed since the last time (all of them once after a restart, which compaction absorbs).
 */
final class KpiPublisher {

    private final ScorecardBuilder builder;
    private final Map<String, String> lastSent = new HashMap<>();

    KpiPublisher(KpiData data, AnalyticsConfig config, LongSupplier wallClock) {
        this.builder = new ScorecardBuilder(data, config, wallClock);
    }

    void publish(long nowMillis, ProcessorContext<byte[], Routed> context) {
        for (PlantScorecard card : builder.buildAll()) {
            for (Map.Entry<String, ObjectNode> entry : KpiRecords.of(card).entrySet()) {
                String json = write(entry.getValue());
                if (!json.equals(lastSent.get(entry.getKey()))) {
                    context.forward(new Record<>(entry.getKey().getBytes(StandardCharsets.UTF_8),
                            new Routed(Routed.Route.KPI, json.getBytes(StandardCharsets.UTF_8)), nowMillis));
                    lastSent.put(entry.getKey(), json);
                }
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
