package io.pilotwatch.deploy.bench;

import io.pilotwatch.telemetry.Topics;
import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the analytics service against the fastest plain consumer of the same backlog on this machine, in
 * one run: starts its own Kafka, preloads N normalized records, reads them with a plain consumer, then lets
 * the service (exactly_once_v2, in this JVM) process them; reports throughput, the ratio, state size per
 * plant, heap and, with the service caught up, freshness.
 */
@Command(name = "analytics-benchmark", mixinStandardHelpOptions = true,
        description = "Throughput (vs a plain consumer), state size, heap and freshness of the analytics service.")
public final class AnalyticsBenchmark implements Callable<Integer> {

    @Option(names = "--records", description = "Records preloaded, profiles included (default ${DEFAULT-VALUE}).")
    long records = 300_000;
    @Option(names = "--plants", description = "Plants (default ${DEFAULT-VALUE}).")
    int plants = 6;
    @Option(names = "--lines", description = "Lines per plant (default ${DEFAULT-VALUE}).")
    int lines = 4;
    @Option(names = "--stations", description = "Stations per line (default ${DEFAULT-VALUE}).")
    int stations = 5;
    @Option(names = "--days", description = "Event-time span of the backlog from 2025-01-01 (default ${DEFAULT-VALUE}).")
    int days = 90;
    @Option(names = "--partitions", description = "Partitions of the telemetry topic (default ${DEFAULT-VALUE}).")
    int partitions = 3;
    @Option(names = "--stream-threads", description = "Kafka Streams threads (default ${DEFAULT-VALUE}, the service's).")
    int streamThreads = 1;
    @Option(names = "--freshness-samples", description = "Single-event freshness samples, 0 to skip (default ${DEFAULT-VALUE}).")
    int freshnessSamples = 200;
    @Option(names = "--out", description = "JSON results file (default ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "bench", "analytics.json");

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnalyticsBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        double loadBefore = AnalyticsResults.loadAverage();
        Instant start = Instant.parse("2024-12-31T16:00:00Z"); // 2025-01-01 00:00 in Asia/Shanghai, the default zone
        Duration span = Duration.ofDays(days);
        TelemetryMix mix = new TelemetryMix(plants, lines, stations, start, span);
        if (records <= mix.stations()) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--records must exceed the number of stations (" + mix.stations() + "): each gets a profile first");
        }
        Path stateDir = Files.createTempDirectory("analytics-bench-state");
        String topic = Topics.TELEMETRY;
        try (KafkaBroker kafka = Brokers.startKafka()) {
            kafka.createTopic(topic, partitions);
            double preload = Preloader.preload(kafka.clientConfig(), topic, mix, records);
            System.out.printf("Preloaded %,d records in %.1f s%n", records, preload);
            double plain = PlainConsumerRead.readAll(kafka.clientConfig(), topic, records);
            System.out.printf("Plain consumer: %.2f s%n", plain);
            AnalyticsRun.FreshnessProbe freshness = port -> freshnessSamples == 0 ? null
                    : Freshness.measure(kafka.clientConfig(), topic, port, TelemetryMix.plant(0), start.plus(span),
                    freshnessSamples);
            AnalyticsRun run = AnalyticsRun.run(new AnalyticsRun.Setup(kafka.clientConfig(), kafka.bootstrapServers(),
                    topic, records, streamThreads, stateDir, freshness));
            AnalyticsResults results = new AnalyticsResults(records, plants, lines, stations, days, partitions,
                    streamThreads, preload, plain, run, loadBefore, AnalyticsResults.loadAverage());
            System.out.println(results.markdown());
            if (run.recordsCounted() != records) {
                System.out.printf("WARNING: the service counted %,d records of %,d%n", run.recordsCounted(), records);
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, results.json());
            System.out.println("Results written to " + out);
        } finally {
            deleteRecursively(stateDir);
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
