package io.pilotwatch.deploy.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The analytics benchmark's results as Markdown tables and as JSON, with the machine and its load: the median
 * of the repetitions first, then each repetition.
 *
 * @param streamThreads the stream threads of the extra rows, 1 when there are none
 */
record AnalyticsResults(long records, int plants, int linesPerPlant, int stationsPerLine, int days, int partitions,
                        String inputPartitioning,
                        int streamThreads, double preloadSeconds, List<AnalyticsRepetition> runs, double loadBefore,
                        double loadAfter, AnalyticsScaleOut scaleOut) {

    double median(ToDoubleFunction<AnalyticsRepetition> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private boolean moreThreads() {
        return runs.get(0).more() != null;
    }

    /** The repetition whose resources and freshness are shown: the last (the only one with freshness). */
    AnalyticsRun last() {
        return runs.get(runs.size() - 1).analytics();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %s; load average %.2f before, %.2f after. %,d normalized records "
                        + "(profiles, then ~85%% unit, 10%% cost, 5%% state) of %d plants x %d lines x %d stations over %d days, "
                        + "%d partitions (records partitioned by %s), preloaded in %.1f s (lz4). Kafka Streams (D0 and the service): exactly_once_v2, "
                        + "the service's settings, 1 stream thread%s; the service in-process. Medians of %d repetitions; "
                        + "rates from start to all committed.%s%n%n", machine(), loadBefore, loadAfter, records, plants,
                linesPerPlant, stationsPerLine, days, partitions, inputPartitioning, preloadSeconds,
                moreThreads() ? " (and " + streamThreads + " where marked)" : "", runs.size(),
                AnalyticsRun.settings.isEmpty() ? "" : " Settings given (D0 and the service): " + AnalyticsRun.settings + "."));
        md.append("| path (median) | startup s | seconds | records/s | records/s, startup excluded | ratio to plain "
                + "consumer | ratio to D0b |\n|---|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| plain KafkaConsumer (byte[], assigned partitions) | - | %.2f | %,.0f "
                + "| - | 1.00 | - |%n", median(AnalyticsRepetition::plainSeconds), median(AnalyticsRepetition::plainRate)));
        ceilingRow(md, AnalyticsRepetition::sourceOnly, 1);
        ceilingRow(md, AnalyticsRepetition::repartitioned, 1);
        md.append(String.format(Locale.ROOT, "| analytics, 1 stream thread (start to all committed and counted) | %.2f "
                        + "| %.2f | %,.0f | %,.0f | %.3f | %.3f |%n", median(r -> r.analytics().startupSeconds()),
                median(r -> r.analytics().totalSeconds()), median(AnalyticsRepetition::analyticsRate),
                median(AnalyticsRepetition::processingRate), median(AnalyticsRepetition::ratioToPlain),
                median(AnalyticsRepetition::ratioToCeiling)));
        if (moreThreads()) {
            ceilingRow(md, r -> r.more().repartitioned(), streamThreads);
            md.append(String.format(Locale.ROOT, "| analytics, %d stream threads | %.2f | %.2f | %,.0f | %,.0f | %.3f "
                            + "| %.3f (D0b, %d threads) |%n", streamThreads,
                    median(r -> r.more().analytics().startupSeconds()), median(r -> r.more().analytics().totalSeconds()),
                    median(AnalyticsRepetition::moreThreadsRate),
                    median(r -> records / r.more().analytics().processingSeconds()),
                    median(r -> r.moreThreadsRate() / r.plainRate()),
                    median(AnalyticsRepetition::moreThreadsRatioToCeiling), streamThreads));
        }
        md.append(String.format(Locale.ROOT, "%n| run | load avg before / after | plain records/s | D0a records/s "
                + "| D0b records/s | analytics records/s | analytics / plain | analytics / D0b | analytics / D0a "
                + "| startup s | analytics / D0a, startup excluded |%s%n"
                + "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|%s%n", moreThreads() ? String.format(Locale.ROOT,
                " D0b, %1$d threads | analytics, %1$d threads | / D0b, %1$d threads |", streamThreads) : "",
                moreThreads() ? "---:|---:|---:|" : ""));
        for (int i = 0; i < runs.size(); i++) {
            AnalyticsRepetition run = runs.get(i);
            md.append(String.format(Locale.ROOT,
                    "| %d | %.2f / %.2f | %,.0f | %,.0f | %,.0f | %,.0f | %.3f | %.3f | %.3f | %.2f | %.3f |",
                    i + 1, run.loadBefore(), run.loadAfter(), run.plainRate(), run.sourceOnly().perSecond(),
                    run.repartitioned().perSecond(), run.analyticsRate(), run.ratioToPlain(), run.ratioToCeiling(),
                    run.ratioToSourceOnly(), run.analytics().startupSeconds(),
                    run.processingRate() / run.sourceOnly().processingPerSecond()));
            if (run.more() != null) {
                md.append(String.format(Locale.ROOT, " %,.0f | %,.0f | %.3f |", run.more().repartitioned().perSecond(),
                        run.moreThreadsRate(), run.moreThreadsRatioToCeiling()));
            }
            md.append('\n');
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
                    scaleOut.records() / scaleOut.seconds() / median(AnalyticsRepetition::analyticsRate),
                    scaleOut.countedPerInstance().stream().map(c -> String.format(Locale.ROOT, "%,d", c))
                            .collect(Collectors.joining(" / ")),
                    scaleOut.counted(), scaleOut.records(), scaleOut.exact() ? "yes" : "NO"));
        }
        return md.toString();
    }

    String json() {
        String repetitions = runs.stream().map(run -> run.json(plants)).collect(Collectors.joining(",", "[", "]"));
        String more = !moreThreads() ? "null" : String.format(Locale.ROOT, "{\"streamThreads\":%d,\"d0bPerSecond\":%.1f,"
                        + "\"analyticsPerSecond\":%.1f,\"analytics/D0b\":%.4f}", streamThreads,
                median(r -> r.more().repartitioned().perSecond()), median(AnalyticsRepetition::moreThreadsRate),
                median(AnalyticsRepetition::moreThreadsRatioToCeiling));
        return String.format(Locale.ROOT, "{\"machine\":\"%s\",\"loadAverageBefore\":%.2f,\"loadAverageAfter\":%.2f,"
                        + "\"records\":%d,\"plants\":%d,\"linesPerPlant\":%d,\"stationsPerLine\":%d,\"days\":%d,"
                        + "\"partitions\":%d,\"inputPartitioning\":\"%s\",\"streamThreads\":1,\"preloadSeconds\":%.3f,\"guarantee\":\"exactly_once_v2\","
                        + "\"median\":{\"plainPerSecond\":%.1f,\"d0aPerSecond\":%.1f,\"d0bPerSecond\":%.1f,"
                        + "\"analyticsPerSecond\":%.1f,\"d0aProcessingPerSecond\":%.1f,\"d0bProcessingPerSecond\":%.1f,"
                        + "\"processingPerSecond\":%.1f,\"analytics/plain\":%.4f,\"analyticsProcessing/plain\":%.4f,"
                        + "\"analytics/D0b\":%.4f,\"analyticsProcessing/D0bProcessing\":%.4f,\"analytics/D0a\":%.4f},"
                        + "\"moreThreads\":%s,"
                        + "\"repetitions\":%s,\"scaleOut\":%s}%n",
                machine(), loadBefore, loadAfter, records, plants, linesPerPlant, stationsPerLine, days, partitions,
                inputPartitioning, preloadSeconds, median(AnalyticsRepetition::plainRate), median(r -> r.sourceOnly().perSecond()),
                median(r -> r.repartitioned().perSecond()), median(AnalyticsRepetition::analyticsRate),
                median(r -> r.sourceOnly().processingPerSecond()), median(r -> r.repartitioned().processingPerSecond()),
                median(AnalyticsRepetition::processingRate), median(AnalyticsRepetition::ratioToPlain),
                median(AnalyticsRepetition::processingRatioToPlain), median(AnalyticsRepetition::ratioToCeiling),
                median(AnalyticsRepetition::processingRatioToCeiling),
                median(AnalyticsRepetition::ratioToSourceOnly), more, repetitions, scaleOutJson());
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

    private void ceilingRow(StringBuilder md, Function<AnalyticsRepetition, StreamsCeiling> run,
                            int threads) {
        StreamsCeiling any = run.apply(runs.get(0));
        md.append(String.format(Locale.ROOT, "| %s. Kafka Streams, %d thread%s: %s | %.2f | %.2f | %,.0f | %,.0f | %.3f "
                        + "| %.3f |%n", any.shape().id, threads, threads == 1 ? "" : "s", any.shape().description,
                median(r -> run.apply(r).startupSeconds()), median(r -> run.apply(r).totalSeconds()),
                median(r -> run.apply(r).perSecond()), median(r -> run.apply(r).processingPerSecond()),
                median(r -> run.apply(r).perSecond() / r.plainRate()),
                median(r -> run.apply(r).perSecond() / (threads == 1 ? r.repartitioned() : r.more().repartitioned())
                        .perSecond())));
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
