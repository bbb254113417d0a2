package io.pilotwatch.deploy.bench;

import io.pilotwatch.analytics.AnalyticsService;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run of the analytics service in this JVM, exactly as deployed (exactly_once_v2, a fresh application id
 * and state directory), over the preloaded backlog: times, heap, state size and, while it is still running
 * and caught up, freshness.
 *
 * @param startupSeconds    from {@code AnalyticsService.start} to Streams RUNNING (group join, task assignment)
 * @param totalSeconds      from start to every record committed through both sub-topologies and counted
 * @param recordsCounted    records the service's own metrics count (accepted, duplicate, late, rejected)
 * @param stateBytesRunning state directory size when done, service running (RocksDB memtables not flushed)
 * @param stateBytesClosed  state directory size after a clean close (memtables flushed, checkpoints written)
 * @param freshness         null when not measured
 */
record AnalyticsRun(double startupSeconds, double totalSeconds, long recordsCounted, long heapBeforeBytes,
                    long heapPeakBytes, long heapLiveAfterGcBytes, long stateBytesRunning, long stateBytesClosed,
                    Freshness.Figures freshness) {

    double processingSeconds() {
        return totalSeconds - startupSeconds;
    }

    /** What the run needs from the benchmark; {@code freshness} is given the HTTP port of the running service. */
    record Setup(Map<String, Object> clientConfig, String bootstrapServers, String topic, long records,
                 int streamThreads, Path stateDir, FreshnessProbe freshness) {
    }

    /** Measures freshness against the running service; returns null when not wanted. */
    interface FreshnessProbe {
        Freshness.Figures measure(int httpPort) throws Exception;
    }

    /**
     * Service configuration keys the benchmark was given ({@code --setting}), for D0 and the service alike;
     * set once before the first run.
     */
    static volatile Map<String, String> settings = Map.of();

    /** The service's configuration as the benchmark runs it: as deployed, on a fresh application id. */
    static AnalyticsConfig config(String bootstrapServers, String topic, String applicationId, Path stateDir,
                                  int streamThreads) {
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", bootstrapServers);
        values.put("kafka.topic.telemetry", topic);
        values.put("analytics.application.id", applicationId);
        values.put("analytics.state.dir", stateDir.toString());
        values.put("analytics.processing.guarantee", "exactly_once_v2");
        values.put("kafka.streams.num.stream.threads", Integer.toString(streamThreads));
        values.put("http.host", "127.0.0.1");
        values.put("http.port", "0");
        values.putAll(settings);
        return AnalyticsConfig.fromMap(values);
    }

    static AnalyticsRun run(Setup setup) throws Exception {
        String applicationId = "bench-analytics-" + System.currentTimeMillis();
        AnalyticsConfig config = config(setup.bootstrapServers(), setup.topic(), applicationId, setup.stateDir(),
                setup.streamThreads());
        try (HeapSampler heap = new HeapSampler();
             CommittedOffsets offsets = new CommittedOffsets(setup.clientConfig(), setup.topic(), applicationId)) {
            long heapBefore = heap.liveBytesAfterGc();
            long began = System.nanoTime();
            AnalyticsService service = AnalyticsService.start(config);
            try {
                AnalyticsService running = service;
                double startup = offsets.awaitAllCommitted(running::streamsState, began, "analytics");
                long deadline = began + Duration.ofMinutes(30).toNanos();
                long counted = awaitCounted(service.httpPort(), setup.records(), deadline);
                double total = (System.nanoTime() - began) / 1e9;
                long peak = heap.peakBytes();
                long live = heap.liveBytesAfterGc();
                long stateRunning = sizeOf(setup.stateDir());
                Freshness.Figures freshness = setup.freshness().measure(service.httpPort());
                service.close();
                service = null;
                return new AnalyticsRun(startup, total, counted, heapBefore, peak, live, stateRunning,
                        sizeOf(setup.stateDir()), freshness);
            } finally {
                if (service != null) {
                    service.close();
                }
            }
        }
    }

    /**
     * Confirms the offsets signal with the service's own counts: normally the first scrape (about 0.15 s, inside
     * the run's time) shows them all; should they lag, the offsets signal was early and the time includes the wait.
     */
    private static long awaitCounted(int httpPort, long records, long deadline) throws Exception {
        long counted = MetricsScrape.of(httpPort).recordsCounted();
        while (counted < records && System.nanoTime() < deadline) {
            Thread.sleep(250);
            counted = MetricsScrape.of(httpPort).recordsCounted();
        }
        return counted;
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // RocksDB may delete a file between walk and size: it no longer counts
                }
            }).sum();
        }
    }
}
