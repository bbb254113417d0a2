package io.pilotwatch.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 8's one command: the ingest benchmark (A, A0, B, C, E, E0 and F for the bridge, scale-out) and the
 * analytics benchmark (D, D0, E freshness, F for the service) in one run on this machine, then one summary of
 * the ratios against the targets, each next to its reference from the same run, as Markdown and JSON.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Runs the ingest and analytics benchmarks and summarizes their ratios against the targets.")
public final class BenchmarkSuite implements Callable<Integer> {

    private static final double MIB = 1024 * 1024;

    @Option(names = "--quick", description = "Short points and one repetition: checks the harness, not the figures.")
    boolean quick;
    @Option(names = "--commit", description = "The commit measured, for the report (default: unknown).")
    String commit = "unknown";
    @Option(names = "--stream-threads", description = "Passed to the analytics benchmark: above 1, D0b and the "
            + "service also run with this many stream threads, as extra rows (default ${DEFAULT-VALUE}).")
    int streamThreads = 1;
    @Option(names = "--analytics-records", description = "The analytics backlog, records (default ${DEFAULT-VALUE}: "
            + "long enough that the service's few seconds of startup do not decide its ratio to D0a; --quick: 20,000).")
    long analyticsRecords = 1_000_000;
    @Option(names = "--out-dir", description = "Where the results go (default ${DEFAULT-VALUE}).")
    Path outDir = Path.of("target", "bench");

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkSuite()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(outDir);
        Path ingest = outDir.resolve("ingest.json");
        Path analytics = outDir.resolve("analytics.json");
        List<String> ingestArgs = new ArrayList<>(List.of("--out", ingest.toString()));
        List<String> analyticsArgs = new ArrayList<>(List.of("--out", analytics.toString(), "--scale-out", "2",
                "--stream-threads", Integer.toString(streamThreads),
                "--records", Long.toString(quick ? 20_000 : analyticsRecords)));
        if (quick) {
            ingestArgs.addAll(List.of("--duration", "5", "--warmup", "3", "--repetitions", "1",
                    "--memory-connections", "1000,3000"));
            analyticsArgs.addAll(List.of("--freshness-samples", "20", "--repetitions", "1"));
        }
        int status = new CommandLine(new IngestBenchmark()).execute(ingestArgs.toArray(String[]::new));
        if (status != 0) {
            return status;
        }
        status = new CommandLine(new AnalyticsBenchmark()).execute(analyticsArgs.toArray(String[]::new));
        if (status != 0) {
            return status;
        }
        ObjectMapper json = new ObjectMapper();
        Summary summary = new Summary(json.readTree(ingest.toFile()), json.readTree(analytics.toFile()));
        String markdown = summary.markdown(commit);
        System.out.println(markdown);
        Files.writeString(outDir.resolve("summary.md"), markdown);
        Files.writeString(outDir.resolve("summary.json"), json.enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(summary.json(json, commit)) + "\n");
        return 0;
    }

    /** The targets of issue 8 against the measured figures, each with its reference from the same run. */
    record Summary(JsonNode ingest, JsonNode analytics) {

        List<Row> rows() {
            double b = ingest.at("/B/deliveredPerSecond").asDouble();
            double c = ingest.at("/C/deliveredPerSecond").asDouble();
            double a = ingest.at("/A/deliveredPerSecond").asDouble();
            double processed = analytics.at("/median/analyticsPerSecond").asDouble();
            double ceiling = analytics.at("/median/d0bPerSecond").asDouble();
            double listenP99 = ingest.at("/E/C/publishAckP99Millis").asDouble();
            double producerP99 = ingest.at("/E0/bridge/sendAckP99Millis").asDouble();
            double subscribeP99 = ingest.at("/E/B/arrivalP99Millis").asDouble();
            JsonNode runs = analytics.at("/repetitions");
            double freshnessP99 = runs.get(runs.size() - 1).at("/analytics/freshness/p99Millis").asDouble(Double.NaN);
            double heap = Math.max(ingest.at("/F/B/peakHeapBytes").asDouble(), ingest.at("/F/C/peakHeapBytes").asDouble());
            double scaledIngest = ingest.at("/scaleOut/deliveredPerSecond").asDouble();
            double scaledAnalytics = analytics.at("/scaleOut/perSecond").asDouble();
            List<Row> rows = new ArrayList<>(List.of(
                    new Row("B/A: subscribe bridge vs raw relay", b / a, ">= 0.9", b / a >= 0.9,
                            a, rate("A, raw relay", a, "msg/s"), rate("B", b, "msg/s")),
                    new Row("C/A: listen bridge vs raw relay", c / a, ">= 1.0", c / a >= 1.0,
                            a, rate("A, raw relay", a, "msg/s"), rate("C", c, "msg/s")),
                    new Row("analytics at exactly-once, records/s", processed, ">= 100,000", processed >= 100_000,
                            ceiling, streamsReference(), String.format(Locale.ROOT,
                            "start to all committed, 1 stream thread, %,d records", analytics.at("/records").asLong())),
                    analyticsToSourceOnly(),
                    new Row("listen: publish -> Kafka ack (PUBACK) p99 at half the maximum, ms", listenP99, "<= 50",
                            listenP99 <= 50, producerP99, producerReference(), String.format(Locale.ROOT,
                            "paced at %,.0f msg/s", ingest.at("/E/C/targetPerSecond").asDouble())),
                    new Row("subscribe: publish -> read from Kafka p99 at half the maximum, ms", subscribeP99, "<= 50",
                            subscribeP99 <= 50, Double.NaN, "-", String.format(Locale.ROOT, "paced at %,.0f msg/s",
                            ingest.at("/E/B/targetPerSecond").asDouble())),
                    new Row("event -> KPI metric freshness p99, ms", freshnessP99, "<= 2,000", freshnessP99 <= 2_000,
                            Double.NaN, "-", "appended -> /metrics shows it"),
                    new Row("ingest peak heap at the maximum rate, MiB", heap / MIB, "<= 256", heap / MIB <= 256,
                            Double.NaN, "-", "bridge JVM -Xmx" + ingest.at("/bridgeHeap").asText()),
                    new Row("scale-out: 2 subscribe bridges on one shared subscription, ratio to B", scaledIngest / b,
                            "each about half, exact", ingest.at("/scaleOut/exact").asBoolean(), b,
                            rate("B, one bridge", b, "msg/s"),
                            "per instance " + perInstance(ingest.at("/scaleOut/perInstancePerSecond")) + " msg/s"),
                    new Row("scale-out: 2 analytics instances, ratio to one", scaledAnalytics / processed,
                            "each about half, exact", analytics.at("/scaleOut/exact").asBoolean(), processed,
                            rate("one instance", processed, "records/s"),
                            "counted per instance " + analytics.at("/scaleOut/countedPerInstance"))));
            rows.addAll(rows.indexOf(rows.stream().filter(row -> row.name().startsWith("listen: publish")).findFirst()
                    .orElseThrow()) + 1, listenJudgedRows());
            JsonNode more = analytics.at("/moreThreads");
            if (more.isObject()) {
                double threaded = more.at("/analyticsPerSecond").asDouble();
                rows.add(3, new Row(String.format(Locale.ROOT, "analytics at exactly-once, %d stream threads, records/s",
                        more.at("/streamThreads").asInt()), threaded, ">= 100,000", threaded >= 100_000,
                        more.at("/d0bPerSecond").asDouble(), String.format(Locale.ROOT, "%s (the same threads), "
                                + "analytics/D0b %.3f", rate("D0b", more.at("/d0bPerSecond").asDouble(), "records/s"),
                                more.at("/analytics~1D0b").asDouble()), "start to all committed"));
            }
            return rows;
        }

        /**
         * Issue 18: the service against Kafka Streams counting the same backlog with no repartition (D0a), both at the
         * service's settings, 1 stream thread, exactly-once, in the same run: the median of the runs' ratios.
         */
        private Row analyticsToSourceOnly() {
            JsonNode median = analytics.at("/median");
            double ratio = median.at("/analytics~1D0a").asDouble(Double.NaN);
            double d0a = median.at("/d0aPerSecond").asDouble();
            double processing = median.at("/processingPerSecond").asDouble(Double.NaN);
            double d0aProcessing = median.at("/d0aProcessingPerSecond").asDouble(Double.NaN);
            return new Row("analytics / D0a (Kafka Streams counting the same backlog), start to done", ratio, ">= 0.5",
                    ratio >= 0.5, d0a, rate("D0a", d0a, "records/s"), String.format(Locale.ROOT,
                    "startup excluded: %,.0f / %,.0f records/s = %.3f (ratio of the medians)", processing, d0aProcessing,
                    processing / d0aProcessing));
        }

        /** Issue 18: listen-mode latency with the generator pinned, and at device rates, each next to E0. */
        private List<Row> listenJudgedRows() {
            JsonNode judged = ingest.at("/listenJudged");
            List<Row> rows = new ArrayList<>();
            if (judged.isMissingNode()) {
                return rows;
            }
            double halfP99 = judged.at("/Ep/listen/publishAckP99Millis").asDouble();
            rows.add(new Row("listen, generator pinned: publish -> PUBACK p99 at half the pinned maximum, ms", halfP99,
                    "<= 50", halfP99 <= 50, judged.at("/Ep/E0/sendAckP99Millis").asDouble(),
                    e0(judged.at("/Ep/E0")), String.format(Locale.ROOT, "paced at %,.0f msg/s (Cp %,.0f); %s",
                    judged.at("/Ep/listen/targetPerSecond").asDouble(), judged.at("/Cp/deliveredPerSecond").asDouble(),
                    judged.at("/pinning").asText())));
            for (JsonNode point : judged.at("/deviceRates")) {
                double p99 = point.at("/listen/publishAckP99Millis").asDouble();
                double e0P99 = point.at("/E0/sendAckP99Millis").asDouble();
                double bound = 2 * e0P99 + 5; // issue 18's bound at device rates
                rows.add(new Row(String.format(Locale.ROOT, "listen at %,.0f msg/s over %,d connections: publish -> "
                                + "PUBACK p99, ms", point.at("/targetPerSecond").asDouble(), point.at("/connections").asInt()),
                        p99, String.format(Locale.ROOT, "<= 2 x E0 p99 + 5 = %.1f", bound), p99 <= bound, e0P99,
                        e0(point.at("/E0")),
                        String.format(Locale.ROOT, "p50 %.1f, max %.1f ms; %s", point.at("/listen/publishAckP50Millis")
                                .asDouble(), point.at("/listen/publishAckMaxMillis").asDouble(),
                                judged.at("/pinning").asText())));
            }
            return rows;
        }

        private static String e0(JsonNode e0) {
            return String.format(Locale.ROOT, "E0, plain producer with the bridge's settings at the same rate: send->ack "
                    + "p99 %.1f ms (p50 %.1f, max %.1f)", e0.at("/sendAckP99Millis").asDouble(),
                    e0.at("/sendAckP50Millis").asDouble(), e0.at("/sendAckMaxMillis").asDouble());
        }

        /** D0: Kafka Streams' own rate on the same backlog, settings and broker, and the plain consumer's. */
        private String streamsReference() {
            JsonNode median = analytics.at("/median");
            return String.format(Locale.ROOT, "%s (Kafka Streams, repartition by plant, count only), analytics/D0b "
                            + "%.3f; %s (no repartition), analytics/D0a %.3f; %s, analytics/plain %.3f",
                    rate("D0b", median.at("/d0bPerSecond").asDouble(), "records/s"), median.at("/analytics~1D0b").asDouble(),
                    rate("D0a", median.at("/d0aPerSecond").asDouble(), "records/s"),
                    median.at("/analytics~1D0a").asDouble(),
                    rate("plain consumer", median.at("/plainPerSecond").asDouble(), "records/s"),
                    median.at("/analytics~1plain").asDouble());
        }

        /** E0: a plain producer with the bridge's settings at the same rate, send -> ack. */
        private String producerReference() {
            JsonNode bridge = ingest.at("/E0/bridge");
            JsonNode noLinger = ingest.at("/E0/linger0");
            return String.format(Locale.ROOT, "E0, plain producer with the bridge's settings at the same rate: "
                            + "send->ack p99 %.1f ms (p50 %.1f, max %.1f); with linger %d ms: p99 %.1f ms (p50 %.1f)",
                    bridge.at("/sendAckP99Millis").asDouble(), bridge.at("/sendAckP50Millis").asDouble(),
                    bridge.at("/sendAckMaxMillis").asDouble(), noLinger.at("/lingerMs").asInt(),
                    noLinger.at("/sendAckP99Millis").asDouble(), noLinger.at("/sendAckP50Millis").asDouble());
        }

        String markdown(String commit) {
            StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                    "Summary, %s, commit %s. Machine: %s.%n%n| measure | value | target | met | reference, same run "
                            + "| detail |%n|---|---:|---|---|---|---|%n", Instant.now(), commit,
                    ingest.at("/machine").asText()));
            for (Row row : rows()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", row.name(),
                        row.value() >= 100 ? String.format(Locale.ROOT, "%,.0f", row.value())
                                : String.format(Locale.ROOT, "%.2f", row.value()),
                        row.target(), row.met() ? "yes" : "**no**", row.reference(), row.detail()));
            }
            return md.toString();
        }

        ObjectNode json(ObjectMapper mapper, String commit) {
            ObjectNode root = mapper.createObjectNode();
            root.put("measuredAt", Instant.now().toString());
            root.put("commit", commit);
            root.put("machine", ingest.at("/machine").asText());
            var targets = root.putArray("targets");
            for (Row row : rows()) {
                ObjectNode target = targets.addObject().put("measure", row.name()).put("value", row.value())
                        .put("target", row.target()).put("met", row.met());
                if (Double.isNaN(row.referenceValue())) {
                    target.putNull("referenceValue");
                } else {
                    target.put("referenceValue", row.referenceValue());
                }
                target.put("reference", row.reference()).put("detail", row.detail());
            }
            root.set("ingest", ingest);
            root.set("analytics", analytics);
            return root;
        }
    }

    private static String perInstance(JsonNode rates) {
        List<String> each = new ArrayList<>();
        rates.forEach(rate -> each.add(String.format(Locale.ROOT, "%,.0f", rate.asDouble())));
        return String.join(" / ", each);
    }

    private static String rate(String name, double perSecond, String unit) {
        return String.format(Locale.ROOT, "%s %,.0f %s", name, perSecond, unit);
    }

    /**
     * One target.
     *
     * @param referenceValue the reference's own figure (a rate, or a latency in ms), NaN when there is none
     * @param reference      what the measured value is compared with in the same run, "-" when nothing
     */
    record Row(String name, double value, String target, boolean met, double referenceValue, String reference,
               String detail) {
    }
}
