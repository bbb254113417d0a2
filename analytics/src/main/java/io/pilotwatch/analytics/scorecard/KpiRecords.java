package io.pilotwatch.analytics.scorecard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.store.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of the compacted KPI topic: key {@code plant/line/kpi} ({@code plant/* /kpi} without the
 * space for the plant as a whole), value the KPI in every window, plus baseline and milestones for the plant.
 */
public final class KpiRecords {

    /** The line part of a plant-level key. */
    public static final String PLANT_LINE = "*";

    private KpiRecords() {
    }

    /** Every record of one scorecard, by key, in a stable order. */
    public static Map<String, ObjectNode> of(PlantScorecard card) {
        Map<String, ObjectNode> records = new LinkedHashMap<>();
        for (Kpi kpi : Kpi.values()) {
            ObjectNode plantRecord = record(card, PLANT_LINE, kpi, card.windows());
            card.kpis().stream().filter(score -> score.kpi() == kpi).findFirst().ifPresent(score -> {
                plantRecord.set("baseline", Json.MAPPER.valueToTree(score.baseline()));
                plantRecord.set("reduction", Json.MAPPER.valueToTree(score.reduction()));
                plantRecord.set("milestones", Json.MAPPER.valueToTree(score.milestones()));
            });
            records.put(card.plant() + "/" + PLANT_LINE + "/" + kpi.wireName(), plantRecord);
            card.lines().forEach((line, windows) ->
                    records.put(card.plant() + "/" + line + "/" + kpi.wireName(), record(card, line, kpi, windows)));
        }
        return records;
    }

    private static ObjectNode record(PlantScorecard card, String line, Kpi kpi, List<WindowFigures> windows) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("plant", card.plant());
        node.put("line", line);
        node.put("kpi", kpi.wireName());
        node.put("unit", kpi.unit());
        if (kpi == Kpi.OPERATING_COST) {
            node.put("currency", card.currency());
        }
        node.put("clock", card.clock().toString());
        node.put("definitionsVersion", card.definitionsVersion());
        ObjectNode byWindow = node.putObject("windows");
        for (WindowFigures window : windows) {
            ObjectNode w = byWindow.putObject(window.window());
            w.put("period", window.period());
            KpiValue value = window.values().get(kpi);
            if (value != null) {
                w.put("value", value.value());
                w.put("lower", value.lower());
                w.put("upper", value.upper());
                w.put("sampleSize", value.sampleSize());
            }
        }
        return node;
    }
}
