package io.pilotwatch.ingest.sparkplug;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * Builds Sparkplug B payloads with Eclipse Tahu's own model and encoder, so the tests check our decoding
 * against the reference implementation rather than against our own encoding.
 */
final class TahuPayloads {

    private final List<Metric> metrics = new ArrayList<>();
    private Instant timestamp = Instant.parse("2025-03-01T08:00:00Z");
    private Long seq;

    static TahuPayloads payload() {
        return new TahuPayloads();
    }

    TahuPayloads at(Instant instant) {
        timestamp = instant;
        return this;
    }

    TahuPayloads seq(long value) {
        seq = value;
        return this;
    }

    /** A BIRTH metric: name, alias and datatype. */
    TahuPayloads declare(String name, long alias, MetricDataType type, Object value) {
        metrics.add(build(new Metric.MetricBuilder(name, type, value).alias(alias), null, false));
        return this;
    }

    TahuPayloads named(String name, MetricDataType type, Object value) {
        metrics.add(build(new Metric.MetricBuilder(name, type, value), null, false));
        return this;
    }

    /** A DATA metric by alias only (the datatype is stripped on encoding, as the specification recommends). */
    TahuPayloads alias(long alias, MetricDataType type, Object value) {
        return alias(alias, type, value, null, false);
    }

    TahuPayloads alias(long alias, MetricDataType type, Object value, Instant metricTime, boolean historical) {
        metrics.add(build(new Metric.MetricBuilder(alias, type, value), metricTime, historical));
        return this;
    }

    byte[] birth() {
        return encode(false);
    }

    byte[] data() {
        return encode(true);
    }

    private byte[] encode(boolean stripDataTypes) {
        try {
            SparkplugBPayload.SparkplugBPayloadBuilder builder = new SparkplugBPayload.SparkplugBPayloadBuilder()
                    .setTimestamp(Date.from(timestamp)).addMetrics(metrics);
            if (seq != null) {
                builder.setSeq(seq);
            }
            return new SparkplugBPayloadEncoder().getBytes(builder.createPayload(), stripDataTypes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Metric build(Metric.MetricBuilder builder, Instant metricTime, boolean historical) {
        try {
            if (metricTime != null) {
                builder.timestamp(Date.from(metricTime));
            }
            if (historical) {
                builder.isHistorical(true);
            }
            return builder.createMetric();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
