package io.pilotwatch.analytics;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.baseline.BaselineCheck;
import io.pilotwatch.analytics.baseline.BaselineTopic;
import io.pilotwatch.analytics.cluster.ClusterScorecards;
import io.pilotwatch.analytics.cluster.Instances;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.http.OperationsServer;
import io.pilotwatch.analytics.kpi.ClosedFigures;
import io.pilotwatch.analytics.metrics.ScorecardMetrics;
import io.pilotwatch.analytics.programme.ProgrammeBuilder;
import io.pilotwatch.analytics.topology.AnalyticsTopology;
import io.pilotwatch.analytics.topology.StreamsSettings;
import io.pilotwatch.analytics.web.ScorecardPages;
import io.pilotwatch.support.metrics.JvmMetrics;
import io.pilotwatch.support.metrics.KafkaMetricFilter;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
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
                configured.streams().clientSecurity(), configured.kafka().baselinesTopic(), STARTUP_TIMEOUT);
        BaselineCheck.requireConsistent(configured.baselines(), published);
        AnalyticsConfig config = configured.withPublishedBaselines(published);
        // Figures of closed months: kept by the KPI publication, read as well by /metrics and the pages.
        ClosedFigures closed = new ClosedFigures(config.processing().grace());
        StreamsBuilder builder = new StreamsBuilder();
        AnalyticsTopology.buildTopology(builder, config, inputPartitions, closed);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new KafkaMetricFilter());
        ScorecardMetrics metrics = new ScorecardMetrics(registry);
        // HTTP first: its bound port is the address this instance advertises to the others (application.server),
        // which Kafka Streams needs before it starts. Until then, requests find no scorecards and readiness is DOWN.
        Vertx vertx = Vertx.vertx();
        AtomicReference<KafkaStreams> running = new AtomicReference<>();
        DeferredScorecards scorecards = new DeferredScorecards();
        OperationsServer http = new OperationsServer(vertx, registry, scorecards, new ScorecardPages(config.web()),
                new ProgrammeBuilder(config.targets()), () -> running.get() != null && running.get().state() == KafkaStreams.State.RUNNING);
        int port = http.start(config.httpHost(), config.httpPort()).toCompletionStage().toCompletableFuture()
                .get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        HostInfo self = config.advertisedAddress(port);
        Properties settings = StreamsSettings.of(config);
        settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        KafkaStreams streams = new KafkaStreams(builder.build(), settings);
        streams.setUncaughtExceptionHandler(e -> {
            // A failure here is a bug or a broken cluster, not bad data (that goes to the DLQ): stop visibly,
            // readiness turns DOWN, and the orchestrator restarts the process from the last commit.
            LOG.error("Kafka Streams failed; shutting the client down", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
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
        scorecards.set(new ClusterScorecards(new LocalScorecards(streams, config, metrics, closed.readOnly()),
                new Instances(streams, self, config.kafka().telemetryTopic(), inputPartitions)));
        running.set(streams);
        streams.start();
        LOG.info("Analytics started: application {}, state in {}, HTTP on port {} (advertised as {}:{}), {} published "
                + "baselines", config.streams().applicationId(), config.streams().stateDir(), port, self.host(),
                self.port(), published.size());
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
}
