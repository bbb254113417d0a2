package io.pilotwatch.deploy.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * CPU of the analytics stream thread by stage, from a JFR recording of the analytics benchmark
 * (docs/benchmarks.md, "Where the time goes"). Each execution sample of a stream thread of the service
 * ({@code bench-analytics-<id>-...-StreamThread-n}) is put in the {@link Stage} of its innermost frame that
 * names one; native samples count only inside RocksDB (the others are waits in epoll and the
 * like), weighted by the ratio of the two sampling periods. One table per application id (a benchmark
 * repetition); with {@code --records} the samples are turned into microseconds per record.
 */
@Command(name = "analytics-profile", mixinStandardHelpOptions = true,
        description = "Stream-thread CPU of the analytics benchmark's service by stage, from a JFR recording.")
public final class AnalyticsProfile implements Callable<Integer> {

    /**
     * The stages. A sample belongs to the stage of its innermost frame (from the leaf towards the thread's root)
     * that starts with one of a stage's prefixes: a RocksDB get inside the dedup is "state stores", the dedup's
     * own binary search "dedup", Streams' forwarding between the classifier and the processor "Streams";
     * except that store writes under the write-behind at a commit are the write-behind's.
     */
    enum Stage {
        DECODE("decode + classify (source deserializer, timestamp, classifier)", "io.pilotwatch.telemetry.",
                "io.pilotwatch.analytics.topology.ClassifyProcessor", "io.pilotwatch.analytics.topology.Classifier",
                "io.pilotwatch.analytics.topology.DecodedSerde", "io.pilotwatch.analytics.topology.EventTimeExtractor"),
        REPARTITION("repartition serde (classified records written and read back)",
                "io.pilotwatch.analytics.topology.ClassifiedSerde"),
        DEDUP("dedup", "io.pilotwatch.analytics.topology.Deduplicator", "io.pilotwatch.analytics.topology.SeqRanges"),
        KPI("KPI update (processor, applier, object caches)", "io.pilotwatch.analytics.topology.TelemetryProcessor.",
                "io.pilotwatch.analytics.topology.EventApplier", "io.pilotwatch.analytics.topology.RecordGuard",
                "io.pilotwatch.analytics.baseline."),
        PUBLICATION("publication (KPI snapshots, scorecards)", "io.pilotwatch.analytics.topology.KpiPublisher",
                "io.pilotwatch.analytics.scorecard.", "io.pilotwatch.analytics.metrics."),
        FLUSH("write-behind at commit (serialize dirty values, store puts)", "io.pilotwatch.analytics.store.ObjectCacheStore.flush",
                "io.pilotwatch.analytics.store.ObjectCacheStore.writeDirty"),
        STORES("state stores (Streams' store layers, RocksDB)", "org.apache.kafka.streams.state.", "org.rocksdb."),
        COMMIT("Streams commit + transaction", "org.apache.kafka.streams.processor.internals.TaskManager.commit",
                "org.apache.kafka.streams.processor.internals.TaskExecutor.commit",
                "org.apache.kafka.streams.processor.internals.StreamThread.maybeCommit",
                "org.apache.kafka.clients.producer.KafkaProducer.commitTransaction",
                "org.apache.kafka.clients.producer.KafkaProducer.beginTransaction",
                "org.apache.kafka.clients.producer.KafkaProducer.sendOffsetsToTransaction"),
        POLL("Streams poll + fetch (consumer)", "org.apache.kafka.streams.processor.internals.StreamThread.pollRequests",
                "org.apache.kafka.clients.consumer."),
        STREAMS("Streams per-record (queues, forwarding, sensors, sinks, producer send)", "org.apache.kafka."),
        OTHER("other (JDK, logging)");

        final String label;
        final String[] prefixes;

        Stage(String label, String... prefixes) {
            this.label = label;
            this.prefixes = prefixes;
        }

        boolean matches(String frame) {
            for (String prefix : prefixes) {
                if (frame.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Frames that only pass a call through: the stage is their caller's (a store get belongs to who reads). */
    private static final List<String> TRANSPARENT = List.of(
            "org.apache.kafka.streams.processor.internals.AbstractReadWriteDecorator",
            "org.apache.kafka.common.serialization.", "io.pilotwatch.analytics.store.ObjectCacheStore.get",
            "io.pilotwatch.analytics.store.ObjectCacheStore.put", "io.pilotwatch.analytics.store.ObjectCacheStore.cached");


    @Parameters(index = "0", description = "The JFR recording (e.g. -XX:StartFlightRecording=filename=a.jfr,settings=profile).")
    Path recording;
    @Option(names = "--records", description = "Records each service run processed, for microseconds per record "
            + "(default ${DEFAULT-VALUE}: shares only).")
    long records;
    @Option(names = "--java-period-ms", description = "jdk.ExecutionSample period (default ${DEFAULT-VALUE}, settings=profile).")
    double javaPeriodMs = 10;
    @Option(names = "--native-period-ms", description = "jdk.NativeMethodSample period (default ${DEFAULT-VALUE}, settings=profile).")
    double nativePeriodMs = 20;
    @Option(names = "--application", description = "Application id prefix of the stream threads: bench-analytics "
            + "(the service, default), bench-d0a or bench-d0b (Kafka Streams' own ceilings, for comparison).")
    String application = "bench-analytics";
    @Option(names = "--per-thread", description = "One table per stream thread instead of per run: with the input "
            + "partitioned by line, the thread that holds the plant's task shows the merge step's cost.")
    boolean perThread;
    @Option(names = "--top", description = "Also the N hottest call sites per stage (default ${DEFAULT-VALUE}).")
    int top;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnalyticsProfile()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Pattern streamThread = Pattern.compile("(" + Pattern.quote(application) + "-\\d+)-.*(StreamThread-\\d+)");
        Map<String, Run> runs = new LinkedHashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                boolean java = type.equals("jdk.ExecutionSample");
                if (!java && !type.equals("jdk.NativeMethodSample")) {
                    continue;
                }
                var thread = event.getThread("sampledThread");
                Matcher matcher = thread == null || thread.getJavaName() == null ? null
                        : streamThread.matcher(thread.getJavaName());
                if (matcher == null || !matcher.matches() || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!java && (frames.isEmpty() || !name(frames.get(0)).startsWith("org.rocksdb."))) {
                    continue;
                }
                double weight = java ? 1 : nativePeriodMs / javaPeriodMs;
                String table = perThread ? matcher.group(1) + " " + matcher.group(2) : matcher.group(1);
                runs.computeIfAbsent(table, id -> new Run()).add(event.getStackTrace(), weight,
                        !java, event.getStartTime());
            }
        }
        if (runs.isEmpty()) {
            System.out.println("No samples of a " + application + " stream thread in " + recording);
            return 1;
        }
        runs.forEach((id, run) -> System.out.println(run.markdown(id)));
        return 0;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The stage of the innermost matching frame, and the index of that frame. */
    static Map.Entry<Stage, Integer> stageOf(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            String name = name(frames.get(i));
            if (TRANSPARENT.stream().anyMatch(name::startsWith)) {
                continue;
            }
            for (Stage stage : Stage.values()) {
                if (stage.matches(name)) {
                    return Map.entry(stage, i);
                }
            }
        }
        return Map.entry(Stage.OTHER, frames.size());
    }

    /** Store writes and serialization at a commit belong to the write-behind that makes them. */
    static Map.Entry<Stage, Integer> stageOfSample(List<RecordedFrame> frames) {
        Map.Entry<Stage, Integer> innermost = stageOf(frames);
        if (innermost.getKey() == Stage.STORES || innermost.getKey() == Stage.STREAMS) {
            for (int i = innermost.getValue() + 1; i < frames.size(); i++) {
                if (Stage.FLUSH.matches(name(frames.get(i)))) {
                    return Map.entry(Stage.FLUSH, i);
                }
            }
        }
        return innermost;
    }

    private final class Run {
        final Map<Stage, Double> samples = new TreeMap<>();
        final Map<Stage, Double> rocksDb = new TreeMap<>();
        final Map<Stage, Map<String, Double>> hottest = new TreeMap<>();
        Instant first;
        Instant last;

        void add(RecordedStackTrace trace, double weight, boolean inRocksDb, Instant at) {
            Map.Entry<Stage, Integer> found = stageOfSample(trace.getFrames());
            Stage stage = found.getKey();
            samples.merge(stage, weight, Double::sum);
            if (inRocksDb) {
                rocksDb.merge(stage, weight, Double::sum);
            }
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            // The frame where the stage was recognized, with the one it called: where inside the stage.
            List<RecordedFrame> frames = trace.getFrames();
            int index = found.getValue();
            String where = index >= frames.size() ? "?"
                    : name(frames.get(index)) + (index > 0 ? " > " + name(frames.get(index - 1)) : "");
            hottest.computeIfAbsent(stage, s -> new TreeMap<>()).merge(where, weight, Double::sum);
        }

        String markdown(String id) {
            double total = samples.values().stream().mapToDouble(Double::doubleValue).sum();
            double cpuSeconds = total * javaPeriodMs / 1000;
            StringBuilder out = new StringBuilder(String.format(
                    "%s: %.0f samples, about %.2f s of stream-thread CPU over %.1f s%n%n", id, total, cpuSeconds,
                    (last.toEpochMilli() - first.toEpochMilli()) / 1000.0));
            out.append("| stage | share | of which RocksDB (native) |").append(records > 0 ? " µs per record |" : "")
                    .append('\n').append("|---|---:|---:|").append(records > 0 ? "---:|" : "").append('\n');
            for (Stage stage : Stage.values()) {
                double n = samples.getOrDefault(stage, 0.0);
                out.append(String.format("| %s | %.1f%% | %.1f%% |", stage.label, 100 * n / total,
                        100 * rocksDb.getOrDefault(stage, 0.0) / total));
                if (records > 0) {
                    out.append(String.format(" %.2f |", n * javaPeriodMs * 1000 / records));
                }
                out.append('\n');
            }
            if (records > 0) {
                out.append(String.format("| **total** | 100%% | | **%.2f** |%n", total * javaPeriodMs * 1000 / records));
            }
            if (top > 0) {
                hottest.forEach((stage, frames) -> {
                    out.append("\n").append(stage.label).append(", hottest (the stage's frame > its callee):\n");
                    frames.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                            .limit(top).forEach(e -> out.append(String.format("  %5.1f%% %s%n",
                                    100 * e.getValue() / total, e.getKey())));
                });
            }
            return out.toString();
        }
    }
}
