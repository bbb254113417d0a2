package io.pilotwatch.deploy.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The analytics benchmark's results as a Markdown table and as JSON, with the machine and its load: the median
 * of the repetitions first, then each repetition.
 */
record AnalyticsResults(long records, int plants, int linesPerPlant, int stationsPerLine, int days, int partitions,
                        int streamThreads, double preloadSeconds, List<Repetition> runs, double loadBefore,
                        double loadAfter, AnalyticsScaleOut scaleOut) {

    /** One plain-consumer read and one service run of the same backlog, with the load average around them. */
    record Repetition(double plainSeconds, AnalyticsRun analytics, double loadBefore, double loadAfter) {
    }

    double median(ToDoubleFunction<Repetition> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    double plainRate(Repetition run) {
        return records / run.plainSeconds();
    }

    double analyticsRate(Repetition run) {
        return records / run.analytics().totalSeconds();
    }

    double processingRate(Repetition run) {
        return records / run.analytics().processingSeconds();
    }

    /** The ratio within one repetition: the plain read and the service run right after it share the load. */
    double ratio(Repetition run) {
        return analyticsRate(run) / plainRate(run);
    }

    double processingRatio(Repetition run) {
        return processingRate(run) / plainRate(run);
    }

    /** The repetition whose resources and freshness are shown: the last (the only one with freshness). */
    AnalyticsRun last() {
        return runs.get(runs.size() - 1).analytics();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %s; load average %.2f before, %.2f after. %,d normalized records "
                        + "(profiles, then ~85%% unit, 10%% cost, 5%% state) of %d plants x %d lines x %d stations over %d days, "
                        + "%d partitions, preloaded in %.1f s (lz4). Analytics: exactly_once_v2, %d stream thread(s), "
                        + "in-process. Medians of %d repetitions.%n%n", machine(), loadBefore, loadAfter, records, plants,
                linesPerPlant, stationsPerLine, days, partitions, preloadSeconds, streamThreads, runs.size()));
        md.append("| path (median) | seconds | records/s | ratio to plain consumer |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| plain KafkaConsumer (byte[]) | %.2f | %,.0f | 1.00 |%n",
                median(Repetition::plainSeconds), median(this::plainRate)));
        md.append(String.format(Locale.ROOT, "| analytics, start to all committed | %.2f | %,.0f | %.3f |%n",
                median(r -> r.analytics().totalSeconds()), median(this::analyticsRate), median(this::ratio)));
        md.append(String.format(Locale.ROOT, "| analytics, RUNNING to all committed (startup %.2f s excluded) | %.2f | %,.0f | %.3f |%n",
                median(r -> r.analytics().startupSeconds()), median(r -> r.analytics().processingSeconds()),
                median(this::processingRate), median(this::processingRatio)));
        md.append(String.format(Locale.ROOT, "%n| run | load avg before / after | plain records/s | analytics records/s "
                + "| ratio | startup s |%n|---:|---|---:|---:|---:|---:|%n"));
        for (int i = 0; i < runs.size(); i++) {
            Repetition run = runs.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %.2f / %.2f | %,.0f | %,.0f | %.3f | %.2f |%n", i + 1,
                    run.loadBefore(), run.loadAfter(), plainRate(run), analyticsRate(run), ratio(run),
                    run.analytics().startupSeconds()));
        }
        AnalyticsRun last = last();
        md.append(String.format(Locale.ROOT, "%n| resource (last run) | value |%n|---|---:|%n"));
        md.append(String.format(Locale.ROOT, "| records counted by the service's metrics | %,d of %,d |%n",
                last.recordsCounted(), records));
        md.append(String.format(Locale.ROOT, "| state dir, running, at done | %.1f MiB (%.1f MiB per plant) |%n",
                mib(last.stateBytesRunning()), mib(last.stateBytesRunning()) / plants));
        md.append(String.format(Locale.ROOT, "| state dir, after close | %.1f MiB (%.1f MiB per plant) |%n",
                mib(last.stateBytesClosed()), mib(last.stateBytesClosed()) / plants));
        md.append(String.format(Locale.ROOT, "| heap used: before start (after GC) / peak during run / live after GC at done | %.0f / %.0f / %.0f MiB |%n",
                mib(last.heapBeforeBytes()), mib(last.heapPeakBytes()), mib(last.heapLiveAfterGcBytes())));
        Freshness.Figures f = last.freshness();
        if (f != null) {
            md.append(String.format(Locale.ROOT, "| freshness, producer ack -> /metrics shows the unit (%d samples) | "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms (one scrape: %.1f ms) |%n", f.samples(), f.p50Millis(),
                    f.p99Millis(), f.maxMillis(), f.scrapeP50Millis()));
        }
        if (scaleOut != null) {
            md.append(String.format(Locale.ROOT, "%n| scale-out: %d instances of one application | seconds | records/s "
                            + "| ratio to one instance (median) | counted per instance | counted in all | exact |%n"
                            + "|---|---:|---:|---:|---|---:|---|%n| start to all committed | %.2f | %,.0f | %.2f | %s | %,d of %,d | %s |%n",
                    scaleOut.countedPerInstance().size(), scaleOut.seconds(), scaleOut.records() / scaleOut.seconds(),
                    scaleOut.records() / scaleOut.seconds() / median(this::analyticsRate),
                    scaleOut.countedPerInstance().stream().map(c -> String.format(Locale.ROOT, "%,d", c))
                            .collect(Collectors.joining(" / ")),
                    scaleOut.counted(), scaleOut.records(), scaleOut.exact() ? "yes" : "NO"));
        }
        return md.toString();
    }

    String json() {
        String repetitions = runs.stream().map(this::runJson).collect(Collectors.joining(",", "[", "]"));
        return String.format(Locale.ROOT, "{\"machine\":\"%s\",\"loadAverageBefore\":%.2f,\"loadAverageAfter\":%.2f,"
                        + "\"records\":%d,\"plants\":%d,\"linesPerPlant\":%d,\"stationsPerLine\":%d,\"days\":%d,"
                        + "\"partitions\":%d,\"streamThreads\":%d,\"preloadSeconds\":%.3f,\"guarantee\":\"exactly_once_v2\","
                        + "\"median\":{\"plainPerSecond\":%.1f,\"analyticsPerSecond\":%.1f,\"processingPerSecond\":%.1f,"
                        + "\"analytics/plain\":%.4f,\"analyticsProcessing/plain\":%.4f},\"repetitions\":%s,\"scaleOut\":%s}%n",
                machine(), loadBefore, loadAfter, records, plants, linesPerPlant, stationsPerLine, days, partitions,
                streamThreads, preloadSeconds, median(this::plainRate), median(this::analyticsRate),
                median(this::processingRate), median(this::ratio), median(this::processingRatio), repetitions,
                scaleOutJson());
    }

    private String scaleOutJson() {
        if (scaleOut == null) {
            return "null";
        }
        return String.format(Locale.ROOT, "{\"instances\":%d,\"seconds\":%.3f,\"perSecond\":%.1f,\"countedPerInstance\":%s,"
                        + "\"counted\":%d,\"exact\":%b}", scaleOut.countedPerInstance().size(), scaleOut.seconds(),
                scaleOut.records() / scaleOut.seconds(), scaleOut.countedPerInstance(), scaleOut.counted(),
                scaleOut.exact());
    }

    private String runJson(Repetition run) {
        AnalyticsRun a = run.analytics();
        Freshness.Figures f = a.freshness();
        String freshness = f == null ? "null" : String.format(Locale.ROOT, "{\"samples\":%d,\"p50Millis\":%.3f,"
                + "\"p99Millis\":%.3f,\"maxMillis\":%.3f,\"scrapeP50Millis\":%.3f}", f.samples(), f.p50Millis(),
                f.p99Millis(), f.maxMillis(), f.scrapeP50Millis());
        return String.format(Locale.ROOT, "{\"loadAverageBefore\":%.2f,\"loadAverageAfter\":%.2f,"
                        + "\"plain\":{\"seconds\":%.3f,\"perSecond\":%.1f},"
                        + "\"analytics\":{\"startupSeconds\":%.3f,\"totalSeconds\":%.3f,\"processingSeconds\":%.3f,"
                        + "\"perSecond\":%.1f,\"processingPerSecond\":%.1f,\"recordsCounted\":%d,\"stateBytesRunning\":%d,"
                        + "\"stateBytesClosed\":%d,\"stateBytesClosedPerPlant\":%d,\"heapBeforeBytes\":%d,"
                        + "\"heapPeakBytes\":%d,\"heapLiveAfterGcBytes\":%d,\"freshness\":%s},"
                        + "\"ratios\":{\"analytics/plain\":%.4f,\"analyticsProcessing/plain\":%.4f}}",
                run.loadBefore(), run.loadAfter(), run.plainSeconds(), plainRate(run), a.startupSeconds(),
                a.totalSeconds(), a.processingSeconds(), analyticsRate(run), processingRate(run), a.recordsCounted(),
                a.stateBytesRunning(), a.stateBytesClosed(), a.stateBytesClosed() / plants, a.heapBeforeBytes(),
                a.heapPeakBytes(), a.heapLiveAfterGcBytes(), freshness, ratio(run), processingRatio(run));
    }

    String machine() {
        return Machine.describe();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
