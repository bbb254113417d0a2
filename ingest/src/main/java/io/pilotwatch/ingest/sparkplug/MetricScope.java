package io.pilotwatch.ingest.sparkplug;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.model.MetricDataTypeMap;

/**
 * What a BIRTH declared for an edge node's own metrics or for one device: alias to name, and the datatype
 * of every alias and name, which DATA messages leave out. Also the station's latest profile values.
 */
final class MetricScope {

    private final Map<Long, String> names = new HashMap<>();
    private final KnownTypes types = new KnownTypes();
    final MetricMapper.ProfileMemory profile = new MetricMapper.ProfileMemory();

    /** Declares a BIRTH metric. */
    void declare(Metric metric) {
        if (metric.hasName()) {
            types.addMetricDataType(metric.getName(), metric.getDataType());
            if (metric.hasAlias()) {
                names.put(metric.getAlias(), metric.getName());
                types.addMetricDataType(metric.getAlias(), metric.getDataType());
            }
        }
    }

    /** The name of a DATA metric: its own, or its alias's. */
    String nameOf(Metric metric) {
        return metric.hasName() ? metric.getName() : names.get(metric.getAlias());
    }

    /** A fresh view of the types for one decoding, recording what the DATA message used but BIRTH did not declare. */
    KnownTypes typesForDecoding() {
        types.unknown.clear();
        return types;
    }

    /**
     * Tahu's type map, which its decoder asks for the datatype of each DATA metric; this one remembers the
     * aliases and names it did not know, so that the rejection can name them.
     */
    static final class KnownTypes extends MetricDataTypeMap {
        final Set<String> unknown = new LinkedHashSet<>();

        @Override
        public MetricDataType getMetricDataType(String name) {
            MetricDataType type = super.getMetricDataType(name);
            if (type == null) {
                unknown.add("name '" + name + "'");
            }
            return type;
        }

        @Override
        public MetricDataType getMetricDataType(Long alias) {
            MetricDataType type = super.getMetricDataType(alias);
            if (type == null) {
                unknown.add("alias " + alias);
            }
            return type;
        }

        /** Never empty: Tahu's decoder gives up silently (null metrics) on an empty map instead of asking it. */
        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}
