package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.kpi.StationRecord;
import io.pilotwatch.analytics.kpi.Totals;
import io.pilotwatch.analytics.store.JsonSerde;
import io.pilotwatch.analytics.store.StoreNames;
import io.pilotwatch.telemetry.TelemetryCodec;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The analytics topology:
 * <pre>
 *   factory.telemetry.v1 (event time from the payload)
 *     -> repartition by plant (key kept)
 *     -> telemetry processor (stores: plants, days, sketches, stations, baselines, dedup)
 *         -> factory.telemetry.dlq.v1   unusable records, with error.reason / error.detail
 *         -> factory.kpi.v1             KPI snapshots (compacted)
 *         -> factory.baselines.v1       frozen baselines (compacted)
 * </pre>
 */
public final class AnalyticsTopology {

    /** The repartition topic is {@code <application.id>-analytics-by-plant-repartition}. */
    public static final String REPARTITION_NAME = "analytics-by-plant";

    static final byte[] NO_KEY = new byte[0];

    private AnalyticsTopology() {
    }

    public static void buildTopology(StreamsBuilder builder, AnalyticsConfig config) {
        TelemetryCodec codec = new TelemetryCodec();
        addStores(builder);
        KStream<byte[], Routed> out = builder
                .stream(config.kafka().telemetryTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withTimestampExtractor(new EventTimeExtractor(codec)).withName("telemetry-source"))
                // Repartitioning drops records with a null key; they must reach the DLQ, so they travel
                // with an empty key, which the processor turns back into none.
                .map((key, value) -> KeyValue.pair(key == null ? NO_KEY : key, value), Named.as("keep-keyless"))
                .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withStreamPartitioner(new PlantPartitioner()).withName(REPARTITION_NAME))
                .process(() -> new TelemetryProcessor(config, codec), Named.as("telemetry-processor"),
                        StoreNames.PLANTS, StoreNames.DAYS, StoreNames.SKETCHES, StoreNames.STATIONS,
                        StoreNames.BASELINES, StoreNames.DEDUP);
        out.split(Named.as("route-"))
                .branch((key, routed) -> routed.route() == Routed.Route.DLQ, Branched.withConsumer(
                        s -> s.mapValues(Routed::value).to(config.kafka().dlqTopic(), bytes("dlq-sink")), "dlq"))
                .branch((key, routed) -> routed.route() == Routed.Route.KPI, Branched.withConsumer(
                        s -> s.mapValues(Routed::value).to(config.kafka().kpiTopic(), bytes("kpi-sink")), "kpi"))
                .branch((key, routed) -> routed.route() == Routed.Route.BASELINE, Branched.withConsumer(
                        s -> s.mapValues(Routed::value).to(config.kafka().baselinesTopic(), bytes("baselines-sink")),
                        "baselines"))
                .noDefaultBranch();
    }

    private static Produced<byte[], byte[]> bytes(String name) {
        return Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name);
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(store(StoreNames.PLANTS, new JsonSerde<>(PlantRecord.class)));
        builder.addStateStore(store(StoreNames.DAYS, new JsonSerde<>(Totals.class)));
        builder.addStateStore(store(StoreNames.SKETCHES, Serdes.ByteArray()));
        builder.addStateStore(store(StoreNames.STATIONS, new JsonSerde<>(StationRecord.class)));
        builder.addStateStore(store(StoreNames.BASELINES, new JsonSerde<>(Baseline.class)));
        builder.addStateStore(store(StoreNames.DEDUP, Serdes.ByteArray()));
    }

    private static <V> org.apache.kafka.streams.state.StoreBuilder<?> store(String name, Serde<V> values) {
        // Cached: a busy day bucket is written to RocksDB and its changelog once per commit, not per event.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled();
    }
}
