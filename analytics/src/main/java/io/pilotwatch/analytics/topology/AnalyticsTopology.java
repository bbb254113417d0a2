package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.kpi.ClosedFigures;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.kpi.StationRecord;
import io.pilotwatch.analytics.kpi.Totals;
import io.pilotwatch.analytics.store.CycleSketchSerde;
import io.pilotwatch.analytics.store.JsonSerde;
import io.pilotwatch.analytics.store.ObjectCacheStore;
import io.pilotwatch.analytics.store.ObjectCacheStoreBuilder;
import io.pilotwatch.analytics.store.StoreNames;
import io.pilotwatch.telemetry.TelemetryCodec;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The analytics topology:
 * <pre>
 *   telemetry-source: factory.telemetry.v1 (JSON decoded once; event time from the payload)
 *     -> classify (usable, or unusable with the reason), which forwards by where the record sits:
 *        - already in its plant's partition (the ingest bridge writes there): straight to by-plant
 *        - elsewhere: keep-keyless -> the repartition by plant (key kept; compact binary records,
 *          {@link ClassifiedSerde}) -> by-plant
 *     -> by-plant (merge) -> telemetry-processor (stores: plants, days, sketches, stations, baselines, dedup),
 *        guarded: a record whose processing throws goes to the DLQ as processing_error ({@link RecordGuard});
 *        it forwards each output to its sink by name:
 *         -> dlq-sink        factory.telemetry.dlq.v1   unusable and late records, with error.reason / error.detail
 *         -> kpi-sink        factory.kpi.v1             KPI snapshots (compacted)
 *         -> baselines-sink  factory.baselines.v1       frozen baselines (compacted)
 * </pre>
 * A record in its plant's partition passes four nodes (source, classify, by-plant, telemetry-processor): each node
 * costs Kafka Streams' forwarding work per record. The merge stays because the telemetry processor is the child of
 * both the classification and the repartition topic, and the DSL names internal topics only through
 * {@code repartition}; the names of the repartition topic and of every store (so of every changelog topic) are
 * what deployed applications have.
 */
public final class AnalyticsTopology {

    /** The repartition topic is {@code <application.id>-analytics-by-plant-repartition}. */
    public static final String REPARTITION_NAME = "analytics-by-plant";

    /** The merge of the records in place and of those from the repartition topic, before the telemetry processor. */
    static final String BY_PLANT = "by-plant";
    /** The first node of the repartition path, for records not yet in their plant's partition. */
    static final String TO_PLANT_PARTITION = "keep-keyless";
    /** The telemetry processor's outputs, by sink name. */
    static final String DLQ_SINK = "dlq-sink";
    static final String KPI_SINK = "kpi-sink";
    static final String BASELINES_SINK = "baselines-sink";

    static final byte[] NO_KEY = new byte[0];

    private AnalyticsTopology() {
    }

    /**
     * @param inputPartitions the partition count of the telemetry topic: a record already in the partition of its
     *                        plant is processed where it is; any other crosses the repartition topic
     * @param closed          where the KPI publication keeps the figures of closed months (others may read them)
     */
    public static void buildTopology(StreamsBuilder builder, AnalyticsConfig config, int inputPartitions,
                                     ClosedFigures closed) {
        buildTopology(builder, config, inputPartitions, closed, UnaryOperator.identity());
    }

    /**
     * @param inside wraps the telemetry processor inside its {@link RecordGuard}: the identity, except in the
     *               test that makes one record's processing throw
     */
    static void buildTopology(StreamsBuilder builder, AnalyticsConfig config, int inputPartitions,
                              ClosedFigures closed, UnaryOperator<Processor<byte[], Classified, byte[], byte[]>> inside) {
        Classifier classifier = new Classifier(config.targets(), config.processing().maxFutureSkew());
        addStores(builder);
        KStream<byte[], Classified> classified = builder
                // The JSON is decoded once, here; the extractor and the classifier use the result.
                .stream(config.kafka().telemetryTopic(), Consumed.with(Serdes.ByteArray(), new DecodedSerde(new TelemetryCodec()))
                        .withTimestampExtractor(new EventTimeExtractor(config.processing().maxFutureSkew()))
                        .withName("telemetry-source"))
                .processValues(() -> new ClassifyProcessor(classifier, inputPartitions), Named.as("classify"));
        KStream<byte[], Classified> moved = classified
                // Repartitioning drops records with a null key; they must reach the DLQ, so they travel
                // with an empty key, which the processor turns back into none.
                .map((key, value) -> KeyValue.pair(key == null ? NO_KEY : key, value), Named.as(TO_PLANT_PARTITION))
                .repartition(Repartitioned.with(Serdes.ByteArray(), new ClassifiedSerde())
                        .withStreamPartitioner(new PlantPartitioner()).withName(REPARTITION_NAME));
        KStream<byte[], byte[]> out = classified.merge(moved, Named.as(BY_PLANT))
                .process(() -> new RecordGuard(inside.apply(new TelemetryProcessor(config, closed))),
                        Named.as("telemetry-processor"),
                        StoreNames.PLANTS, StoreNames.DAYS, StoreNames.SKETCHES, StoreNames.STATIONS,
                        StoreNames.BASELINES, StoreNames.DEDUP);
        out.to(config.kafka().dlqTopic(), bytes(DLQ_SINK));
        out.to(config.kafka().kpiTopic(), bytes(KPI_SINK));
        out.to(config.kafka().baselinesTopic(), bytes(BASELINES_SINK));
    }

    private static Produced<byte[], byte[]> bytes(String name) {
        return Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name);
    }

    /**
     * Values that change on almost every event live deserialized in a write-behind {@link ObjectCacheStore} and
     * are serialized once per commit; the rest use Kafka Streams' record cache. Plants, day totals and stations
     * are small and scanned by the KPI publication, so a task holds all of its own in memory (about 0.5 KB per
     * line and day of history); month sketches are large (up to ~140 KB) and read by key: the 256 most recently
     * used per task. Seen ids are read by key, mostly the current block of each station: the
     * {@link Deduplicator#CACHED_BLOCKS} most recently used per task.
     */
    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(new ObjectCacheStoreBuilder<>(StoreNames.PLANTS, new JsonSerde<>(PlantRecord.class),
                ObjectCacheStore.resident()));
        builder.addStateStore(new ObjectCacheStoreBuilder<>(StoreNames.DAYS, new JsonSerde<>(Totals.class),
                ObjectCacheStore.resident()));
        builder.addStateStore(new ObjectCacheStoreBuilder<>(StoreNames.SKETCHES, new CycleSketchSerde(),
                ObjectCacheStore.recentlyUsed(256)));
        builder.addStateStore(new ObjectCacheStoreBuilder<>(StoreNames.STATIONS, new JsonSerde<>(StationRecord.class),
                ObjectCacheStore.resident()));
        builder.addStateStore(cached(StoreNames.BASELINES, new JsonSerde<>(Baseline.class)));
        builder.addStateStore(new ObjectCacheStoreBuilder<>(StoreNames.DEDUP, new SeqRangesSerde(),
                ObjectCacheStore.recentlyUsed(Deduplicator.CACHED_BLOCKS)));
    }

    private static <V> StoreBuilder<?> cached(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled();
    }
}
