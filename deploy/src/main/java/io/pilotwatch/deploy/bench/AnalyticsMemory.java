package io.pilotwatch.deploy.bench;

import io.pilotwatch.analytics.Application;
import io.pilotwatch.ingest.forward.PlantPartitioner;
import io.pilotwatch.telemetry.Topics;
import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The analytics service's memory through a backlog, run as deployed: its own JVM (so that its resident memory is
 * its own) with the container's JVM options, on the analytics benchmark's backlog. Peaks sampled every 250 ms:
 * RSS ({@code /proc/<pid>/status}), heap, direct buffers and non-heap from its {@code /metrics}, and RocksDB's
 * shared block cache (memtables charged to it included) from Kafka Streams' own gauges; at the end Native Memory
 * Tracking's summary (the JVM's own native memory, RocksDB's not included: RSS minus it is RocksDB and malloc).
 */
@Command(name = "analytics-memory", mixinStandardHelpOptions = true,
        description = "Peak RSS, heap, direct and RocksDB memory of the analytics service through a backlog.")
public final class AnalyticsMemory implements Callable<Integer> {

    @Option(names = "--records", description = "Records preloaded (default ${DEFAULT-VALUE}).")
    long records = 300_000;
    @Option(names = "--plants", description = "Plants (default ${DEFAULT-VALUE}).")
    int plants = 6;
    @Option(names = "--partitions", description = "Partitions of the telemetry topic (default ${DEFAULT-VALUE}).")
    int partitions = 3;
    @Option(names = "--days", description = "Event-time span of the backlog (default ${DEFAULT-VALUE}).")
    int days = 90;
    @Option(names = "--heap", description = "The service's -Xmx (default ${DEFAULT-VALUE}).")
    String heap = "512m";
    @Option(names = "--java-options", description = "More JVM options, as JAVA_TOOL_OPTIONS (default ${DEFAULT-VALUE}).")
    String javaOptions = "-XX:NativeMemoryTracking=summary";
    @Option(names = "--block-cache-mb", description = "analytics.rocksdb.block.cache.mb (default ${DEFAULT-VALUE}).")
    int blockCacheMb = 64;
    @Option(names = "--write-buffer-mb", description = "analytics.rocksdb.write.buffer.mb (default ${DEFAULT-VALUE}).")
    int writeBufferMb = 32;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnalyticsMemory()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        double loadBefore = AnalyticsResults.loadAverage();
        Instant start = Instant.parse("2024-12-31T16:00:00Z");
        TelemetryMix mix = new TelemetryMix(plants, 4, 5, start, Duration.ofDays(days));
        Path stateDir = Files.createTempDirectory("analytics-memory-state");
        try (KafkaBroker kafka = Brokers.startKafka()) {
            Map<String, Object> producerConfig = kafka.clientConfig();
            producerConfig.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, PlantPartitioner.class.getName());
            kafka.createTopic(Topics.TELEMETRY, partitions);
            System.out.printf("Preloaded %,d records in %.1f s%n", records,
                    Preloader.preload(producerConfig, Topics.TELEMETRY, mix, records));
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("ANALYTICS_APPLICATION_ID", "memory-" + System.currentTimeMillis());
            env.put("ANALYTICS_STATE_DIR", stateDir.toString());
            env.put("ANALYTICS_ROCKSDB_BLOCK_CACHE_MB", Integer.toString(blockCacheMb));
            env.put("ANALYTICS_ROCKSDB_WRITE_BUFFER_MB", Integer.toString(writeBufferMb));
            env.put("HTTP_HOST", "127.0.0.1");
            env.put("JAVA_TOOL_OPTIONS", javaOptions);
            ServiceProcess service = ServiceProcess.start(Application.class, env, heap, Path.of("target", "bench"));
            try {
                service.awaitReady(Duration.ofMinutes(3));
                Peaks peaks = new Peaks();
                long began = System.nanoTime();
                long counted = 0;
                while (counted < records && System.nanoTime() - began < TimeUnit.MINUTES.toNanos(30)) {
                    MetricsScrape scrape = MetricsScrape.of(service.httpPort());
                    counted = scrape.recordsCounted();
                    peaks.sample(scrape, service.pid());
                    Thread.sleep(250);
                }
                double seconds = (System.nanoTime() - began) / 1e9;
                peaks.sample(MetricsScrape.of(service.httpPort()), service.pid());
                System.out.printf("%nAnalytics memory: %,d of %,d records counted in %.1f s; -Xmx%s, JAVA_TOOL_OPTIONS=%s,"
                        + " block cache %d MiB, write buffers %d MiB%n", counted, records, seconds, heap, javaOptions,
                        blockCacheMb, writeBufferMb);
                System.out.println(peaks.markdown(statusKib(service.pid(), "VmHWM")));
                System.out.printf("Load average before %.2f, after %.2f%n", loadBefore, AnalyticsResults.loadAverage());
                System.out.println(nativeMemory(service.pid()));
            } finally {
                service.kill();
            }
        } finally {
            AnalyticsBenchmark.deleteRecursively(stateDir);
        }
        return 0;
    }

    /** The largest value seen of each figure. */
    private static final class Peaks {
        long rss;
        long heap;
        long direct;
        long nonHeap;
        long blockCache;
        long memtables;

        void sample(MetricsScrape scrape, long pid) throws IOException {
            rss = Math.max(rss, statusKib(pid, "VmRSS") * 1024);
            heap = Math.max(heap, ProcessMemory.heapBytes(scrape));
            direct = Math.max(direct, Math.round(scrape.sum("jvm_buffer_memory_used_bytes", "id=\"direct\"")));
            nonHeap = Math.max(nonHeap, Math.round(scrape.sum("jvm_memory_used_bytes", "area=\"nonheap\"")));
            // Every store reports the one shared cache: the largest sample is its usage, not the sum.
            blockCache = Math.max(blockCache, Math.round(max(scrape, "kafka_stream_state_block_cache_usage")));
            memtables = Math.max(memtables, Math.round(scrape.sum("kafka_stream_state_size_all_mem_tables")));
        }

        String markdown(long hwmKib) {
            return String.format("""
                    | peak | MiB |
                    |---|---:|
                    | RSS (sampled / kernel high-water mark VmHWM) | %d / %d |
                    | heap used (garbage included) | %d |
                    | direct buffers | %d |
                    | non-heap (metaspace, code cache, compressed classes) | %d |
                    | RocksDB shared block cache usage (memtables charged to it included) | %d |
                    | RocksDB memtables, all stores | %d |""", mib(rss), hwmKib >> 10, mib(heap), mib(direct),
                    mib(nonHeap), mib(blockCache), mib(memtables));
        }
    }

    private static double max(MetricsScrape scrape, String name) {
        return scrape.lines().stream().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).max().orElse(0);
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }

    private static long statusKib(long pid, String field) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith(field + ":"))
                .mapToLong(line -> Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip()))
                .findFirst().orElse(0);
    }

    /** {@code jcmd <pid> VM.native_memory summary}, or why not (the option is not set). */
    private static String nativeMemory(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary",
                "scale=MB").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
