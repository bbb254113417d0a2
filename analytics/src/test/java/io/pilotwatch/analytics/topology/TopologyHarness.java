package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.kpi.ClosedFigures;
import io.pilotwatch.analytics.kpi.CycleSketch;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.kpi.StationRecord;
import io.pilotwatch.analytics.kpi.Totals;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardBuilder;
import io.pilotwatch.analytics.store.KpiData;
import io.pilotwatch.analytics.store.StoreKpiData;
import io.pilotwatch.analytics.store.StoreNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;

/** The topology under {@link TopologyTestDriver}, with its stores and topics at hand. No broker. */
public final class TopologyHarness implements AutoCloseable {

    /** The driver's wall clock: after every event time used in the tests, so none is "in the future". */
    public static final Instant WALL_CLOCK = Instant.parse("2026-11-28T00:00:00Z");

    public final AnalyticsConfig config;
    public final TopologyTestDriver driver;
    public final TestInputTopic<byte[], byte[]> telemetry;
    public final TestOutputTopic<byte[], byte[]> dlq;
    public final TestOutputTopic<byte[], byte[]> kpi;
    public final TestOutputTopic<byte[], byte[]> baselines;
    /** The figures of closed months the topology keeps. */
    public final ClosedFigures closed;
    private Instant wallClock = WALL_CLOCK;

    public TopologyHarness(Path stateDir, Map<String, String> settings) {
        this(stateDir, settings, Map.of());
    }

    public TopologyHarness(Path stateDir, Map<String, String> settings, Map<String, Baseline> published) {
        this(stateDir, settings, published, 1);
    }

    /**
     * @param inputPartitions the telemetry topic's partition count the topology is built for; the driver feeds
     *                        every record to partition 0, so with more than one, the records of plants whose
     *                        partition is not 0 cross the repartition topic
     */
    public TopologyHarness(Path stateDir, Map<String, String> settings, Map<String, Baseline> published,
                           int inputPartitions) {
        this(stateDir, settings, published, inputPartitions, UnaryOperator.identity());
    }

    /** @param inside wraps the telemetry processor inside its guard (to make processing fail on purpose) */
    TopologyHarness(Path stateDir, Map<String, String> settings, Map<String, Baseline> published,
                    int inputPartitions, UnaryOperator<Processor<byte[], Classified, byte[], byte[]>> inside) {
        Map<String, String> values = new HashMap<>(settings);
        values.put("kafka.bootstrap.servers", "unused:9092");
        values.put("analytics.state.dir", stateDir.toString());
        config = AnalyticsConfig.fromMap(values).withPublishedBaselines(published);
        StreamsBuilder builder = new StreamsBuilder();
        closed = new ClosedFigures(config.processing().grace());
        AnalyticsTopology.buildTopology(builder, config, inputPartitions, closed, inside);
        driver = new TopologyTestDriver(builder.build(), StreamsSettings.of(config), WALL_CLOCK);
        telemetry = driver.createInputTopic(config.kafka().telemetryTopic(), new ByteArraySerializer(),
                new ByteArraySerializer());
        dlq = driver.createOutputTopic(config.kafka().dlqTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        kpi = driver.createOutputTopic(config.kafka().kpiTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        baselines = driver.createOutputTopic(config.kafka().baselinesTopic(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    public void send(byte[] key, byte[] value) {
        telemetry.pipeInput(key, value);
    }

    public KpiData data() {
        return new StoreKpiData(driver.<String, PlantRecord>getKeyValueStore(StoreNames.PLANTS),
                driver.<String, Totals>getKeyValueStore(StoreNames.DAYS),
                driver.<String, CycleSketch>getKeyValueStore(StoreNames.SKETCHES),
                driver.<String, StationRecord>getKeyValueStore(StoreNames.STATIONS),
                driver.<String, Baseline>getKeyValueStore(StoreNames.BASELINES));
    }

    public PlantRecord plant(String plant) {
        return data().plant(plant).orElseThrow(() -> new AssertionError("no record of plant " + plant));
    }

    public PlantScorecard scorecard(String plant) {
        return new ScorecardBuilder(data(), config, this::wallClockMillis).build(plant)
                .orElseThrow(() -> new AssertionError("no scorecard of plant " + plant));
    }

    /** Runs the wall-clock punctuation that publishes KPI snapshots. */
    public void publish() {
        advanceWallClock(config.processing().publishInterval().plus(Duration.ofMillis(1)));
    }

    /** Moves the driver's wall clock (running the punctuations that are due). */
    public void advanceWallClock(Duration duration) {
        wallClock = wallClock.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    /** The driver's wall clock, as moved by this harness. */
    public long wallClockMillis() {
        return wallClock.toEpochMilli();
    }

    @Override
    public void close() {
        driver.close();
    }
}
