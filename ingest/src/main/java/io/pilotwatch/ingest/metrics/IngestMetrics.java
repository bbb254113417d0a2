package io.pilotwatch.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pilotwatch.ingest.forward.InflightLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The bridge's own metrics, named after Prometheus conventions (base units, {@code _total} counters).
 * docs/metrics.md lists them with their labels.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /** The two per-message counters are kept at hand: no name building on the hot path. */
    private final Map<String, Counter[]> receivedByModeAndQos = new ConcurrentHashMap<>();
    private final Counter forwarded;
    private final Timer ackLatency;
    private final DistributionSummary eventLag;

    public IngestMetrics(MeterRegistry registry, InflightLimiter inflight) {
        this.registry = registry;
        Gauge.builder("ingest.inflight.messages", inflight, InflightLimiter::messages)
                .description("Messages received and not yet acknowledged by Kafka").register(registry);
        Gauge.builder("ingest.inflight.bytes", inflight, InflightLimiter::bytes)
                .description("Payload bytes received and not yet acknowledged by Kafka").baseUnit("bytes")
                .register(registry);
        forwarded = Counter.builder("ingest.messages.forwarded")
                .description("Valid messages acknowledged by Kafka on the telemetry topic").register(registry);
        ackLatency = Timer.builder("ingest.ack.latency")
                .description("Time from MQTT receipt to Kafka acknowledgement (the MQTT ack follows at once)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
        eventLag = DistributionSummary.builder("ingest.event.lag")
                .description("Receipt time minus event time (ts), 0 when the device clock is ahead")
                .baseUnit("seconds").publishPercentileHistogram().minimumExpectedValue(0.001)
                .maximumExpectedValue(86_400.0 * 30).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    private Counter counter(String name, String description, String... tags) {
        String id = name + String.join(",", tags);
        return counters.computeIfAbsent(id, k -> Counter.builder(name).description(description).tags(tags)
                .register(registry));
    }

    public void received(String mode, int qos) {
        Counter[] byQos = receivedByModeAndQos.computeIfAbsent(mode, m -> new Counter[3]);
        Counter counter = byQos[qos];
        if (counter == null) {
            counter = counter("ingest.messages.received", "MQTT messages received", "mode", mode, "qos",
                    Integer.toString(qos));
            byQos[qos] = counter;
        }
        counter.increment();
    }

    public void forwarded() {
        forwarded.increment();
    }

    public void rejected(String reason) {
        counter("ingest.messages.rejected", "Invalid messages acknowledged by Kafka on the DLQ", "reason", reason)
                .increment();
    }

    public void dropped(String reason) {
        counter("ingest.messages.dropped", "Messages dropped (QoS 0 only, when in-flight limits are full)",
                "reason", reason).increment();
    }

    public void refused(String reason) {
        counter("ingest.messages.refused", "QoS 1 messages not taken; the sender resends them", "reason", reason)
                .increment();
    }

    public void kafkaRetry() {
        counter("ingest.kafka.send.retries", "Kafka sends that failed and were retried").increment();
    }

    public void reconnect() {
        counter("ingest.mqtt.reconnects", "Reconnections to the MQTT broker (subscribe mode)").increment();
    }

    public void connectionRefused(String reason) {
        counter("ingest.connections.refused", "MQTT connections refused (listen mode)", "reason", reason)
                .increment();
    }

    public void connectionTimedOut(String reason) {
        counter("ingest.connections.timeouts", "Listen-mode sockets closed for silence: no CONNECT in time "
                + "(connect) or keep-alive 0 and idle too long (idle)", "reason", reason).increment();
    }

    public void paused(String reason) {
        counter("ingest.listen.pauses", "Times the bridge stopped reading a client's socket until Kafka "
                + "acknowledged enough of its messages (listen mode)", "reason", reason).increment();
    }

    /**
     * Listen mode's gauges, read from {@code source}. Micrometer holds it weakly: pass an object that lives as long
     * as the bridge (a lambda would be collected and the gauges read NaN).
     */
    public <T> void listenGauges(T source, ToDoubleFunction<T> pausedClients, ToDoubleFunction<T> pendingConnections,
                                 ToDoubleFunction<T> loginHashes) {
        Gauge.builder("ingest.listen.clients.paused", source, pausedClients)
                .description("Clients whose socket is not being read right now (in-flight limit reached)")
                .register(registry);
        Gauge.builder("ingest.listen.connections.pending", source, pendingConnections)
                .description("Sockets that have not sent CONNECT yet (they count toward the connection limit)")
                .register(registry);
        FunctionCounter.builder("ingest.listen.login.hashes", source, loginHashes)
                .description("Password hashes computed for logins, known and unknown user names alike")
                .register(registry);
    }

    public void acknowledged(Duration sinceReceipt) {
        ackLatency.record(sinceReceipt);
    }

    public void eventLag(Duration lag) {
        eventLag.record(Math.max(0, lag.toNanos() / 1e9));
    }
}
