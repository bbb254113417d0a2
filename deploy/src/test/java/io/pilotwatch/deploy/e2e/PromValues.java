package io.pilotwatch.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Values of instant queries, keyed by their labels ({@code {kpi=defect_rate, plant=nb-pump}}). */
final class PromValues {

    private PromValues() {
    }

    /** Every series of the result by its labels (without {@code __name__}), sorted. */
    static Map<String, Double> all(PrometheusServer prometheus, String promql) {
        return all(prometheus, promql, null);
    }

    /** The same at {@code time} (now if null). */
    static Map<String, Double> all(PrometheusServer prometheus, String promql, Instant time) {
        Map<String, Double> values = new TreeMap<>();
        for (JsonNode series : prometheus.query(promql, time)) {
            values.put(labels(series.get("metric")), value(series));
        }
        return values;
    }

    /** The value of a query that must return exactly one series. */
    static double single(PrometheusServer prometheus, String promql) {
        Map<String, Double> values = all(prometheus, promql);
        if (values.size() != 1) {
            throw new AssertionError("expected one series from " + promql + ", got " + values);
        }
        return values.values().iterator().next();
    }

    static double value(JsonNode series) {
        return Double.parseDouble(series.get("value").get(1).asText());
    }

    static String labels(JsonNode metric) {
        Map<String, String> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            if (!label.getKey().equals("__name__")) {
                labels.put(label.getKey(), label.getValue().asText());
            }
        }
        return labels.toString();
    }
}
