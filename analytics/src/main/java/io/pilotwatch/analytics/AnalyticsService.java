package io.pilotwatch.analytics;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.baseline.BaselineCheck;
import io.pilotwatch.analytics.baseline.BaselineTopic;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.http.OperationsServer;
import io.pilotwatch.analytics.kpi.ClosedFigures;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.metrics.ScorecardMetrics;
import io.pilotwatch.analytics.scorecard.PlantDetail;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardBuilder;
import io.pilotwatch.analytics.store.KpiData;
import io.pilotwatch.analytics.topology.AnalyticsTopology;
import io.pilotwatch.analytics.topology.StreamsSettings;
import io.pilotwatch.analytics.web.ScorecardPages;
import io.pilotwatch.support.metrics.JvmMetrics;
import io.pilotwatch.support.metrics.KafkaMetricFilter;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: topics checked, baselines file checked against the published baselines, the Streams
 * application, metrics and the HTTP endpoint. {@link #start} returns once HTTP listens; Streams goes on
 * starting in the background ({@code /health/ready} turns UP when it is RUNNING).
 */
public final class AnalyticsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsService.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaStreams streams;
    private final Vertx vertx;
    private final OperationsServer http;
    private final int httpPort;
    private final JvmMetrics jvmMetrics;
    private final KafkaStreamsMetrics kafkaMetrics;
    private final ScheduledExecutorService kafkaMetricsRefresh;

    private AnalyticsService(KafkaStreams streams, Vertx vertx, OperationsServer http, int httpPort,
                             JvmMetrics jvmMetrics, KafkaStreamsMetrics kafkaMetrics,
                             ScheduledExecutorService kafkaMetricsRefresh) {
        this.streams = streams;
        this.jvmMetrics = jvmMetrics;
        this.kafkaMetrics = kafkaMetrics;
        this.kafkaMetricsRefresh = kafkaMetricsRefresh;
        this.vertx = vertx;
        this.http = http;
        this.httpPort = httpPort;
    }

    /**
     * @throws io.pilotwatch.analytics.config.DefinitionFileException if the baselines file would move a
     *     published baseline without a new version
     * @throws IllegalStateException if Kafka does not answer or the telemetry topic is missing
     */
    public static AnalyticsService start(AnalyticsConfig configured) throws Exception {
        int inputPartitions = TopicsInitializer.ensure(configured);
        Map<String, Baseline> published = BaselineTopic.readAll(configured.kafka().bootstrapServers(),
                configured.kafka().baselinesTopic(), STARTUP_TIMEOUT);
        BaselineCheck.requireConsistent(configured.baselines(), published);
        AnalyticsConfig config = configured.withPublishedBaselines(published);
        // Figures of closed months: kept by the KPI publication, read as well by /metrics and the pages.
        ClosedFigures closed = new ClosedFigures(config.processing().grace());
        StreamsBuilder builder = new StreamsBuilder();
        AnalyticsTopology.buildTopology(builder, config, inputPartitions, closed);
        KafkaStreams streams = new KafkaStreams(builder.build(), StreamsSettings.of(config));
        streams.setUncaughtExceptionHandler(e -> {
            // A failure here is a bug or a broken cluster, not bad data (that goes to the DLQ): stop visibly,
            // readiness turns DOWN, and the orchestrator restarts the process from the last commit.
            LOG.error("Kafka Streams failed; shutting the client down", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new KafkaMetricFilter());
        // Kafka creates some metrics only later (per-partition consumer lag after an assignment); Micrometer looks
        // for new ones every 60 s by default, so the lag panels stayed empty for a minute after each rebalance.
        ScheduledExecutorService kafkaMetricsRefresh = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-metrics-refresh");
            thread.setDaemon(true);
            return thread;
        });
        KafkaStreamsMetrics kafkaMetrics = new KafkaStreamsMetrics(streams, List.of(), kafkaMetricsRefresh,
                Duration.ofSeconds(10));
        kafkaMetrics.bindTo(registry);
        JvmMetrics jvmMetrics = JvmMetrics.bindTo(registry);
        ScorecardMetrics metrics = new ScorecardMetrics(registry);
        Vertx vertx = Vertx.vertx();
        OperationsServer http = new OperationsServer(vertx, registry,
                new Scorecards(streams, config, metrics, closed.readOnly()), new ScorecardPages(config.web()),
                () -> streams.state() == KafkaStreams.State.RUNNING);
        streams.start();
        int port = http.start(config.httpHost(), config.httpPort()).toCompletionStage().toCompletableFuture()
                .get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        LOG.info("Analytics started: application {}, state in {}, HTTP on port {}, {} published baselines",
                config.streams().applicationId(), config.streams().stateDir(), port, published.size());
        return new AnalyticsService(streams, vertx, http, port, jvmMetrics, kafkaMetrics, kafkaMetricsRefresh);
    }

    public int httpPort() {
        return httpPort;
    }

    public KafkaStreams.State streamsState() {
        return streams.state();
    }

    /** Closes HTTP, then Streams (committing what it processed), then Vert.x. */
    @Override
    public void close() {
        try {
            http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not close cleanly: {}", e.getMessage());
        }
        streams.close(Duration.ofSeconds(30));
        vertx.close();
        jvmMetrics.close();
        kafkaMetrics.close();
        kafkaMetricsRefresh.shutdownNow();
    }

    /** Scorecards from this instance's stores, by interactive queries. */
    private record Scorecards(KafkaStreams streams, AnalyticsConfig config, ScorecardMetrics metrics,
                              ClosedFigures closed, AtomicBoolean exporting)
            implements OperationsServer.ScorecardSource {

        Scorecards(KafkaStreams streams, AnalyticsConfig config, ScorecardMetrics metrics, ClosedFigures closed) {
            this(streams, config, metrics, closed, new AtomicBoolean(true));
        }

        @Override
        public List<PlantScorecard> scorecards() {
            return builder(InteractiveKpiData.of(streams)).buildAll();
        }

        @Override
        public Optional<PlantDetail> plant(String plant) {
            return builder(InteractiveKpiData.of(streams)).detail(plant);
        }

        private ScorecardBuilder builder(KpiData data) {
            return new ScorecardBuilder(data, config, System::currentTimeMillis, closed);
        }

        @Override
        public void refreshMetrics() {
            try {
                KpiData data = InteractiveKpiData.of(streams);
                metrics.update(builder(data).buildAll(),
                        data.plant(PlantRecord.UNKNOWN_PLANT));
                if (exporting.compareAndSet(false, true)) {
                    LOG.info("KPI series exported again: this instance's stores are queryable");
                }
            } catch (InvalidStateStoreException e) {
                // Restoring, rebalancing, or no KPI task on this instance: export no KPI series rather than ones
                // another instance may own now. Said once per change, so an instance that stays silent says why.
                metrics.update(List.of(), Optional.empty());
                if (exporting.compareAndSet(true, false)) {
                    LOG.info("KPI series withdrawn (Streams {}): {}", streams.state(), e.getMessage());
                }
            }
        }
    }
}
