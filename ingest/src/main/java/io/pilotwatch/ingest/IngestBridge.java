package io.pilotwatch.ingest;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.ingest.forward.Forwarder;
import io.pilotwatch.ingest.forward.RecordTranslator;
import io.pilotwatch.ingest.sparkplug.RebirthCommand;
import io.pilotwatch.ingest.sparkplug.SparkplugHost;
import io.pilotwatch.ingest.sparkplug.SparkplugMetrics;
import io.pilotwatch.ingest.sparkplug.SparkplugTranslator;
import io.pilotwatch.ingest.forward.InflightLimiter;
import io.pilotwatch.ingest.forward.KafkaHealth;
import io.pilotwatch.ingest.forward.ProduceHealth;
import io.pilotwatch.ingest.forward.KafkaSender;
import io.pilotwatch.ingest.http.OperationsServer;
import io.pilotwatch.ingest.metrics.IngestMetrics;
import io.pilotwatch.support.metrics.KafkaMetricFilter;
import io.pilotwatch.ingest.mqtt.ListenSource;
import io.pilotwatch.ingest.mqtt.SubscribeSource;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge: one source (subscribe or listen mode), the forwarding pipeline, Kafka and the operations
 * endpoint. Undeploying it shuts down gracefully: intake stops, in-flight messages are acknowledged once
 * Kafka has them (up to the grace period), then connections close.
 */
public final class IngestBridge extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(IngestBridge.class);
    private static final long DRAIN_POLL_MS = 50;
    /** Well below the producer's metadata.max.idle.ms (5 min), after which it would forget an idle topic. */
    private static final long METADATA_REFRESH_MS = 60_000;

    private final IngestConfig config;
    private final PrometheusMeterRegistry registry;
    private final List<SubscribeSource> subscribers = new ArrayList<>();
    private InflightLimiter inflight;
    private KafkaSender sender;
    private long metadataTimer;
    private KafkaClientMetrics kafkaMetrics;
    private KafkaHealth kafkaHealth;
    private ListenSource listener;
    private SparkplugMetrics sparkplugMetrics;
    private OperationsServer operations;
    private volatile int mqttPort = -1;
    private volatile int httpPort = -1;

    public IngestBridge(IngestConfig config, PrometheusMeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        inflight = new InflightLimiter(config.limits().maxInflightMessages(), config.limits().maxInflightBytes());
        IngestMetrics metrics = new IngestMetrics(registry, inflight);
        sender = KafkaSender.create(config);
        String[] topics = {config.kafka().telemetryTopic(), config.kafka().dlqTopic()};
        sender.refreshMetadata(topics);
        metadataTimer = vertx.setPeriodic(METADATA_REFRESH_MS, id -> sender.refreshMetadata(topics));
        registry.config().meterFilter(new KafkaMetricFilter());
        kafkaMetrics = new KafkaClientMetrics(sender.producer());
        kafkaMetrics.bindTo(registry);
        ProduceHealth produceHealth = new ProduceHealth(Clock.systemUTC(), config.produce().stallTimeout());
        kafkaHealth = new KafkaHealth(vertx, KafkaSender.producerConfig(config), produceHealth);
        kafkaHealth.start();
        TelemetryCodec codec = new TelemetryCodec(config.limits().maxMessageBytes());
        Optional<RecordTranslator> sparkplug = config.sparkplug().mapping().map(mapping -> {
            sparkplugMetrics = new SparkplugMetrics(registry);
            SparkplugHost host = new SparkplugHost(mapping, sparkplugMetrics, config.sparkplug().primaryHost(),
                    config.sparkplug().rebirthInterval());
            return new SparkplugTranslator(host, codec, metrics, config.kafka().telemetryTopic(),
                    config.kafka().dlqTopic(), this::requestRebirth);
        });
        Forwarder forwarder = new Forwarder(vertx, codec, sender, inflight, metrics, config.kafka().telemetryTopic(),
                config.kafka().dlqTopic(), config.bridgeId(), Clock.systemUTC(), sparkplug, produceHealth);
        Future<?> source;
        if (config.mode() == IngestConfig.Mode.SUBSCRIBE) {
            for (int i = 0; i < config.subscribe().connections(); i++) {
                // Only the first connection subscribes to Sparkplug: one host must see all of an edge node.
                Optional<String> sparkplugFilter = i == 0 && sparkplug.isPresent()
                        ? Optional.of(config.sparkplug().topicFilter()) : Optional.empty();
                SubscribeSource subscriber = new SubscribeSource(vertx, config.subscribe(), i, forwarder, metrics,
                        Clock.systemUTC(), sparkplugFilter);
                subscribers.add(subscriber);
                subscriber.start();
            }
            source = Future.succeededFuture();
        } else {
            listener = new ListenSource(vertx, config.listen(), config.limits().maxMessageBytes(), forwarder, metrics,
                    Clock.systemUTC(), config.sparkplug().mapping());
            source = listener.start().onSuccess(port -> mqttPort = port);
        }
        operations = new OperationsServer(vertx, registry, this::readiness);
        return source.compose(v -> operations.start(config.httpHost(), config.httpPort()))
                .onSuccess(port -> {
                    httpPort = port;
                    LOG.info("Ingest bridge {} started in {} mode; metrics and health on port {}", config.bridgeId(),
                            config.mode().name().toLowerCase(java.util.Locale.ROOT), port);
                });
    }

    /** Primary host only (subscribe mode): NCMD Node Control/Rebirth through the first connection, QoS 0. */
    private void requestRebirth(SparkplugHost.EdgeNode node) {
        subscribers.get(0).publishCommand(RebirthCommand.topic(node), RebirthCommand.payload(Instant.now()))
                .onComplete(sent -> {
                    sparkplugMetrics.rebirthRequested(sent.succeeded() ? "sent" : "failed");
                    if (sent.succeeded()) {
                        LOG.info("Asked Sparkplug edge node {}/{} to rebirth", node.group(), node.edgeNode());
                    } else {
                        LOG.warn("Could not ask Sparkplug edge node {}/{} to rebirth: {}", node.group(),
                                node.edgeNode(), sent.cause().getMessage());
                    }
                });
    }

    /** Named readiness checks: Kafka answers, and the MQTT side is connected (subscribe) or listening. */
    public Map<String, Boolean> readiness() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("kafka", kafkaHealth != null && kafkaHealth.isReady());
        if (config.mode() == IngestConfig.Mode.SUBSCRIBE) {
            checks.put("mqtt", !subscribers.isEmpty() && subscribers.stream().allMatch(SubscribeSource::isReady));
        } else {
            checks.put("mqtt", mqttPort > 0);
        }
        return checks;
    }

    /** The MQTT listener's port in listen mode, else -1. */
    public int mqttPort() {
        return mqttPort;
    }

    /** The operations endpoint's port. */
    public int httpPort() {
        return httpPort;
    }

    @Override
    public Future<?> stop() {
        LOG.info("Stopping: no new messages; waiting up to {} s for {} in flight", config.shutdownGrace().toSeconds(),
                inflight.messages());
        vertx.cancelTimer(metadataTimer);
        subscribers.forEach(SubscribeSource::stopIntake);
        if (listener != null) {
            listener.stopIntake();
        }
        return drain(System.nanoTime() + config.shutdownGrace().toNanos())
                .compose(v -> Future.join(closeSources()))
                .eventually(() -> operations == null ? Future.succeededFuture() : operations.close())
                .eventually(() -> vertx.executeBlocking(() -> {
                    kafkaHealth.close();
                    kafkaMetrics.close();
                    sender.close(config.shutdownGrace());
                    return null;
                }))
                .onComplete(r -> LOG.info("Stopped; {} messages were still in flight", inflight.messages()));
    }

    private List<Future<Void>> closeSources() {
        List<Future<Void>> closing = new ArrayList<>();
        subscribers.forEach(subscriber -> closing.add(subscriber.disconnect()));
        if (listener != null) {
            closing.add(listener.close());
        }
        return closing;
    }

    private Future<Void> drain(long deadlineNanos) {
        Promise<Void> drained = Promise.promise();
        if (inflight.messages() == 0 || System.nanoTime() > deadlineNanos) {
            drained.complete();
        } else {
            vertx.setTimer(DRAIN_POLL_MS, id -> drain(deadlineNanos).onComplete(drained));
        }
        return drained.future();
    }
}
