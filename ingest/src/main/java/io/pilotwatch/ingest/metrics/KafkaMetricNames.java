package io.pilotwatch.ingest.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Keeps the Kafka client's metrics within Prometheus naming rules ({@code promtool check metrics} clean).
 * Kafka names some metrics in nanoseconds or milliseconds ({@code io.time.ns.total}); renaming them to seconds
 * would misstate their values, so they are left out. {@code connection.count} becomes {@code connections},
 * because a {@code _count} suffix is reserved for histograms and summaries. Per-node request latencies,
 * which Kafka publishes without a description, are left out; the client-wide ones stay.
 */
public final class KafkaMetricNames {

    private KafkaMetricNames() {
    }

    public static MeterFilter filter() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                String name = id.getName();
                if (!name.startsWith("kafka.")) {
                    return MeterFilterReply.NEUTRAL;
                }
                boolean abbreviatedUnit = name.contains(".ns.") || name.endsWith(".ns") || name.endsWith(".ms")
                        || name.contains(".ms.");
                boolean undocumented = name.startsWith("kafka.producer.node.request.latency");
                return abbreviatedUnit || undocumented ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().endsWith(".connection.count")
                        ? id.withName(id.getName().replace(".connection.count", ".connections"))
                        : id;
            }
        };
    }
}
