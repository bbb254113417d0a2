package io.pilotwatch.ingest.sparkplug;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The Sparkplug host's counters; docs/metrics.md lists them. */
public final class SparkplugMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> messages = new ConcurrentHashMap<>();
    private final Counter seqGaps;
    private final Counter noBirth;
    private final Counter unknownMetrics;
    private final Counter unmapped;
    private final Counter staleDeaths;

    public SparkplugMetrics(MeterRegistry registry) {
        this.registry = registry;
        seqGaps = Counter.builder("ingest.sparkplug.seq.gaps")
                .description("Sparkplug messages whose seq was not the previous one + 1 (mod 256)").register(registry);
        noBirth = Counter.builder("ingest.sparkplug.no.birth")
                .description("Sparkplug DATA or DEATH messages of an edge node or device without a BIRTH seen")
                .register(registry);
        unknownMetrics = Counter.builder("ingest.sparkplug.unknown.aliases")
                .description("Sparkplug DATA messages with an alias or name their BIRTH did not declare")
                .register(registry);
        unmapped = Counter.builder("ingest.sparkplug.unmapped.metrics")
                .description("Sparkplug DATA metrics the mapping file does not mention (ignored)").register(registry);
        staleDeaths = Counter.builder("ingest.sparkplug.stale.deaths")
                .description("NDEATH messages whose bdSeq does not match the current session (ignored)")
                .register(registry);
    }

    /** A gauge of the edge nodes with a live session. */
    void sessions(Supplier<Number> count) {
        Gauge.builder("ingest.sparkplug.edge.nodes", count).description("Edge nodes with a live Sparkplug session")
                .register(registry);
    }

    void message(String type) {
        messages.computeIfAbsent(type, t -> Counter.builder("ingest.sparkplug.messages")
                .description("Sparkplug messages received, by message type").tag("type", t).register(registry))
                .increment();
    }

    void seqGap() {
        seqGaps.increment();
    }

    void noBirth() {
        noBirth.increment();
    }

    void unknownMetric() {
        unknownMetrics.increment();
    }

    void unmapped(int count) {
        unmapped.increment(count);
    }

    void staleDeath() {
        staleDeaths.increment();
    }

    public void rebirthRequested(String outcome) {
        Counter.builder("ingest.sparkplug.rebirth.requests")
                .description("Rebirth requests (NCMD Node Control/Rebirth), by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }
}
