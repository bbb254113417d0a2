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
import java.util.Map;
import java.util.function.UnaryOperator;
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
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The analytics topology:
 * <pre>
 *   factory.telemetry.v1 (JSON decoded once; event time from the payload)
 *     -> classify (usable, or unusable with the reason)
 *     -> records not yet in their plant's partition: repartition by plant (key kept; compact binary records,
 *        {@link ClassifiedSerde}); records the ingest bridge wrote are there already and stay in their task
 *     -> telemetry processor (stores: plants, days, sketches, stations, baselines, dedup), guarded: a record
 *        whose processing throws goes to the DLQ as processing_error ({@link RecordGuard})
 *         -> factory.telemetry.dlq.v1   unusable and late records, with error.reason / error.detail
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
                              ClosedFigures closed, UnaryOperator<Processor<byte[], Classified, byte[], Routed>> inside) {
        Classifier classifier = new Classifier(config.targets(), config.processing().maxFutureSkew());
        addStores(builder);
        Map<String, KStream<byte[], ClassifyProcessor.Placed>> placed = builder
                // The JSON is decoded once, here; the extractor and the classifier use the result.
                .stream(config.kafka().telemetryTopic(), Consumed.with(Serdes.ByteArray(), new DecodedSerde(new TelemetryCodec()))
                        .withTimestampExtractor(new EventTimeExtractor(config.processing().maxFutureSkew()))
                        .withName("telemetry-source"))
                .processValues(() -> new ClassifyProcessor(classifier, inputPartitions), Named.as("classify"))
                .split(Named.as("placed-"))
                .branch((key, value) -> value.inPlantPartition(), Branched.as("in-place"))
                .defaultBranch(Branched.as("elsewhere"));
        // The ingest bridge writes each plant's records to the plant's partition: they skip the repartition topic.
        KStream<byte[], Classified> inPlace = placed.get("placed-in-place")
                .mapValues(ClassifyProcessor.Placed::classified, Named.as("in-place"));
        KStream<byte[], Classified> moved = placed.get("placed-elsewhere")
                .mapValues(ClassifyProcessor.Placed::classified, Named.as("elsewhere"))
                // Repartitioning drops records with a null key; they must reach the DLQ, so they travel
                // with an empty key, which the processor turns back into none.
                .map((key, value) -> KeyValue.pair(key == null ? NO_KEY : key, value), Named.as("keep-keyless"))
                .repartition(Repartitioned.with(Serdes.ByteArray(), new ClassifiedSerde())
                        .withStreamPartitioner(new PlantPartitioner()).withName(REPARTITION_NAME));
        KStream<byte[], Routed> out = inPlace.merge(moved, Named.as("by-plant"))
                .process(() -> new RecordGuard(inside.apply(new TelemetryProcessor(config, closed))),
                        Named.as("telemetry-processor"),
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
