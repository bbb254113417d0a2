package io.pilotwatch.deploy.bench;

import io.pilotwatch.ingest.forward.PlantPartitioner;
import io.pilotwatch.telemetry.Topics;
import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the analytics service against the references of the same backlog on this machine, in one run:
 * starts its own Kafka, preloads N normalized records, then repeats: read them with a plain consumer, let
 * Kafka Streams itself get through them with a topology that only counts (D0a; D0b after a repartition by
 * plant, {@link StreamsCeiling}), let the service (exactly_once_v2, in this JVM, a fresh application id)
 * process them. Reports the medians of throughput and of the ratios, each repetition with the load average,
 * state size per plant, heap and, with the service caught up after the last repetition, freshness.
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
    @Option(names = "--line-partitioned", description = "Write the backlog with Kafka's default partitioner (by the "
            + "whole {plant}/{line} key), so that the service repartitions it by plant, instead of by plant as the "
            + "ingest bridge writes it.")
    boolean linePartitioned;
    @Option(names = "--stream-threads", description = "Above 1: also runs D0b and the service with this many Kafka "
            + "Streams threads in each repetition, as extra rows (default ${DEFAULT-VALUE}: the service's one only).")
    int streamThreads = 1;
    @Option(names = "--freshness-samples", description = "Single-event freshness samples, 0 to skip (default ${DEFAULT-VALUE}).")
    int freshnessSamples = 200;
    @Option(names = "--repetitions", description = "Runs of the plain consumer and of the service, each on a fresh "
            + "application id and state directory; medians are reported (default ${DEFAULT-VALUE}).")
    int repetitions = 3;
    @Option(names = "--scale-out", description = "Instances of one application splitting the partitions in a last "
            + "run, 0 to skip (default ${DEFAULT-VALUE}).")
    int scaleOut = 0;
    @Option(names = "--setting", description = "A service configuration key=value for D0 and the service alike, "
            + "repeatable (e.g. kafka.streams.commit.interval.ms=1000; default: none, the service as deployed).")
    Map<String, String> settings = new java.util.LinkedHashMap<>();
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
        if (repetitions < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--repetitions must be at least 1");
        }
        AnalyticsRun.settings = Map.copyOf(settings);
        String topic = Topics.TELEMETRY;
        try (KafkaBroker kafka = Brokers.startKafka()) {
            Map<String, Object> producerConfig = kafka.clientConfig();
            if (!linePartitioned) {
                producerConfig.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, PlantPartitioner.class.getName());
            }
            kafka.createTopic(topic, partitions);
            double preload = Preloader.preload(producerConfig, topic, mix, records);
            System.out.printf("Preloaded %,d records in %.1f s%n", records, preload);
            List<AnalyticsRepetition> runs = new ArrayList<>();
            for (int i = 1; i <= repetitions; i++) {
                // Freshness needs the service caught up and takes a while: measured in the last run only.
                boolean last = i == repetitions;
                AnalyticsRun.FreshnessProbe freshness = port -> !last || freshnessSamples == 0 ? null
                        : Freshness.measure(producerConfig, topic, port, TelemetryMix.plant(0), start.plus(span),
                        freshnessSamples);
                runs.add(repetition(kafka, topic, i, freshness));
            }
            AnalyticsScaleOut scaled = null;
            if (scaleOut > 1) {
                scaled = AnalyticsScaleOut.run(kafka.clientConfig(), kafka.bootstrapServers(), topic, scaleOut);
                System.out.printf("Scale-out: %d instances, %.2f s, counted %s%n", scaleOut, scaled.seconds(),
                        scaled.countedPerInstance());
            }
            AnalyticsResults results = new AnalyticsResults(records, plants, lines, stations, days, partitions,
                    linePartitioned ? "line" : "plant",
                    streamThreads, preload, runs, loadBefore, AnalyticsResults.loadAverage(), scaled);
            System.out.println(results.markdown());
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, results.json());
            System.out.println("Results written to " + out);
        }
        return 0;
    }

    /**
     * One repetition, back to back: the plain consumer, D0a, D0b, with more threads D0b and the service, then
     * the service as deployed (last: its freshness probes add records to the topic).
     */
    private AnalyticsRepetition repetition(KafkaBroker kafka, String topic, int i, AnalyticsRun.FreshnessProbe freshness)
            throws Exception {
        double load = AnalyticsResults.loadAverage();
        double plain = PlainConsumerRead.readAll(kafka.clientConfig(), topic, records);
        System.out.printf("Run %d/%d: plain consumer %.2f s (load average %.2f)%n", i, repetitions, plain, load);
        StreamsCeiling sourceOnly = ceiling(kafka, topic, StreamsCeiling.Shape.SOURCE_COUNT, 1, i);
        StreamsCeiling repartitioned = ceiling(kafka, topic, StreamsCeiling.Shape.REPARTITION_COUNT, 1, i);
        AnalyticsRepetition.MoreThreads more = null;
        if (streamThreads > 1) {
            more = new AnalyticsRepetition.MoreThreads(
                    ceiling(kafka, topic, StreamsCeiling.Shape.REPARTITION_COUNT, streamThreads, i),
                    analytics(kafka, topic, streamThreads, i, port -> null));
        }
        AnalyticsRun run = analytics(kafka, topic, 1, i, freshness);
        return new AnalyticsRepetition(records, plain, sourceOnly, repartitioned, run, more, load,
                AnalyticsResults.loadAverage());
    }

    private StreamsCeiling ceiling(KafkaBroker kafka, String topic, StreamsCeiling.Shape shape, int threads, int i)
            throws Exception {
        StreamsCeiling run = StreamsCeiling.run(kafka.clientConfig(), kafka.bootstrapServers(), topic, shape, threads);
        System.out.printf("Run %d/%d: %s (%s, %d thread(s)) %.2f s, %,.0f records/s (load average %.2f)%n", i,
                repetitions, shape.id, shape.description, threads, run.totalSeconds(), run.perSecond(),
                AnalyticsResults.loadAverage());
        if (run.counted() != run.records()) {
            System.out.printf("WARNING: %s counted %,d records of %,d%n", shape.id, run.counted(), run.records());
        }
        return run;
    }

    private AnalyticsRun analytics(KafkaBroker kafka, String topic, int threads, int i,
                                   AnalyticsRun.FreshnessProbe freshness) throws Exception {
        Path stateDir = Files.createTempDirectory("analytics-bench-state");
        try {
            AnalyticsRun run = AnalyticsRun.run(new AnalyticsRun.Setup(kafka.clientConfig(), kafka.bootstrapServers(),
                    topic, records, threads, stateDir, freshness));
            System.out.printf("Run %d/%d: analytics, %d thread(s) %.2f s, %,.0f records/s (load average %.2f)%n", i,
                    repetitions, threads, run.totalSeconds(), records / run.totalSeconds(),
                    AnalyticsResults.loadAverage());
            if (run.recordsCounted() != records) {
                System.out.printf("WARNING: the service counted %,d records of %,d%n", run.recordsCounted(), records);
            }
            return run;
        } finally {
            deleteRecursively(stateDir);
        }
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
