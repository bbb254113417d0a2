package io.pilotwatch.ingest.forward;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether Kafka answers, by asking it for its cluster id every few seconds off the event loop.
 * The producer alone cannot tell: it buffers silently while the cluster is away. And an answering cluster is not
 * enough: {@link #isReady()} also asks the sends themselves ({@link ProduceHealth}), since Kafka may refuse every
 * record of the bridge for good.
 */
public final class KafkaHealth implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaHealth.class);
    private static final long PERIOD_MS = 3_000;

    private final Vertx vertx;
    private final Admin admin;
    private final ProduceHealth produce;
    private volatile boolean reachable;
    private boolean producing = true;
    private long timer = -1;
    private boolean probing;

    /**
     * @param producerConfig the producer's settings; the connection and security ones are reused
     * @param produce        what the sends tell of the produce path
     */
    public KafkaHealth(Vertx vertx, Map<String, Object> producerConfig, ProduceHealth produce) {
        this.vertx = vertx;
        this.produce = produce;
        Map<String, Object> adminConfig = new HashMap<>();
        producerConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key) && !key.equals(AdminClientConfig.CLIENT_ID_CONFIG)) {
                adminConfig.put(key, value);
            }
        });
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, producerConfig.get("client.id") + "-health");
        this.admin = Admin.create(adminConfig);
    }

    /** Starts probing; the first probe runs at once. */
    public void start() {
        probe();
        timer = vertx.setPeriodic(PERIOD_MS, id -> probe());
    }

    /** True if the last probe got an answer from the cluster. */
    public boolean isReachable() {
        return reachable;
    }

    /** Reachable, and the producer can produce: no DLQ write failing for good, no sends stalled. */
    public boolean isReady() {
        return reachable && produce.canProduce();
    }

    private void probe() {
        if (probing) {
            return;
        }
        probing = true;
        vertx.executeBlocking(() -> admin.describeCluster().clusterId().get(PERIOD_MS, TimeUnit.MILLISECONDS), false)
                .onComplete(result -> {
                    probing = false;
                    boolean now = result.succeeded();
                    if (now != reachable) {
                        LOG.info("Kafka is {}", now ? "reachable" : "not reachable: " + result.cause());
                    }
                    reachable = now;
                    boolean canProduce = produce.canProduce();
                    if (canProduce != producing) {
                        LOG.warn("The Kafka producer {}", canProduce ? "produces again"
                                : "cannot produce: records refused for good or none acknowledged for too long");
                    }
                    producing = canProduce;
                });
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
