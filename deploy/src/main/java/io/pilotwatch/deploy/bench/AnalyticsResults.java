package io.pilotwatch.deploy.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The analytics benchmark's results as a Markdown table and as JSON, with the machine and its load. */
record AnalyticsResults(long records, int plants, int linesPerPlant, int stationsPerLine, int days, int partitions,
                        int streamThreads, double preloadSeconds, double plainSeconds, AnalyticsRun analytics,
                        double loadBefore, double loadAfter) {

    double plainRate() {
        return records / plainSeconds;
    }

    double analyticsRate() {
        return records / analytics.totalSeconds();
    }

    double analyticsProcessingRate() {
        return records / analytics.processingSeconds();
    }

    String machine() {
        return Machine.describe();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %s; load average %.2f before, %.2f after. %,d normalized records "
                        + "(profiles, then ~85%% unit, 10%% cost, 5%% state) of %d plants x %d lines x %d stations over %d days, "
                        + "%d partitions, preloaded in %.1f s (lz4). Analytics: exactly_once_v2, %d stream thread(s), "
                        + "in-process.%n%n", machine(), loadBefore, loadAfter, records, plants, linesPerPlant,
                stationsPerLine, days, partitions, preloadSeconds, streamThreads));
        md.append("| path | seconds | records/s | ratio to plain consumer |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| plain KafkaConsumer (byte[]) | %.2f | %,.0f | 1.00 |%n", plainSeconds,
                plainRate()));
        md.append(String.format(Locale.ROOT, "| analytics, start to all committed | %.2f | %,.0f | %.3f |%n",
                analytics.totalSeconds(), analyticsRate(), analyticsRate() / plainRate()));
        md.append(String.format(Locale.ROOT, "| analytics, RUNNING to all committed (startup %.2f s excluded) | %.2f | %,.0f | %.3f |%n",
                analytics.startupSeconds(), analytics.processingSeconds(), analyticsProcessingRate(),
                analyticsProcessingRate() / plainRate()));
        md.append(String.format(Locale.ROOT, "%n| resource | value |%n|---|---:|%n"));
        md.append(String.format(Locale.ROOT, "| records counted by the service's metrics | %,d of %,d |%n",
                analytics.recordsCounted(), records));
        md.append(String.format(Locale.ROOT, "| state dir, running, at done | %.1f MiB (%.1f MiB per plant) |%n",
                mib(analytics.stateBytesRunning()), mib(analytics.stateBytesRunning()) / plants));
        md.append(String.format(Locale.ROOT, "| state dir, after close | %.1f MiB (%.1f MiB per plant) |%n",
                mib(analytics.stateBytesClosed()), mib(analytics.stateBytesClosed()) / plants));
        md.append(String.format(Locale.ROOT, "| heap used: before start (after GC) / peak during run / live after GC at done | %.0f / %.0f / %.0f MiB |%n",
                mib(analytics.heapBeforeBytes()), mib(analytics.heapPeakBytes()), mib(analytics.heapLiveAfterGcBytes())));
        Freshness.Figures f = analytics.freshness();
        if (f != null) {
            md.append(String.format(Locale.ROOT, "| freshness, producer ack -> /metrics shows the unit (%d samples) | "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms (one scrape: %.1f ms) |%n", f.samples(), f.p50Millis(),
                    f.p99Millis(), f.maxMillis(), f.scrapeP50Millis()));
        }
        return md.toString();
    }

    String json() {
        Freshness.Figures f = analytics.freshness();
        String freshness = f == null ? "null" : String.format(Locale.ROOT, "{\"samples\":%d,\"p50Millis\":%.3f,"
                + "\"p99Millis\":%.3f,\"maxMillis\":%.3f,\"scrapeP50Millis\":%.3f}", f.samples(), f.p50Millis(),
                f.p99Millis(), f.maxMillis(), f.scrapeP50Millis());
        return String.format(Locale.ROOT, "{\"machine\":\"%s\",\"loadAverageBefore\":%.2f,\"loadAverageAfter\":%.2f,"
                        + "\"records\":%d,\"plants\":%d,\"linesPerPlant\":%d,\"stationsPerLine\":%d,\"days\":%d,"
                        + "\"partitions\":%d,\"streamThreads\":%d,\"preloadSeconds\":%.3f,"
                        + "\"plain\":{\"seconds\":%.3f,\"perSecond\":%.1f},"
                        + "\"analytics\":{\"guarantee\":\"exactly_once_v2\",\"startupSeconds\":%.3f,\"totalSeconds\":%.3f,"
                        + "\"processingSeconds\":%.3f,\"perSecond\":%.1f,\"processingPerSecond\":%.1f,"
                        + "\"recordsCounted\":%d,\"stateBytesRunning\":%d,\"stateBytesClosed\":%d,"
                        + "\"stateBytesClosedPerPlant\":%d,\"heapBeforeBytes\":%d,\"heapPeakBytes\":%d,"
                        + "\"heapLiveAfterGcBytes\":%d,\"freshness\":%s},"
                        + "\"ratios\":{\"analytics/plain\":%.4f,\"analyticsProcessing/plain\":%.4f}}%n",
                machine(), loadBefore, loadAfter, records, plants, linesPerPlant, stationsPerLine, days, partitions,
                streamThreads, preloadSeconds, plainSeconds, plainRate(), analytics.startupSeconds(),
                analytics.totalSeconds(), analytics.processingSeconds(), analyticsRate(), analyticsProcessingRate(),
                analytics.recordsCounted(), analytics.stateBytesRunning(), analytics.stateBytesClosed(),
                analytics.stateBytesClosed() / plants, analytics.heapBeforeBytes(), analytics.heapPeakBytes(),
                analytics.heapLiveAfterGcBytes(), freshness, analyticsRate() / plainRate(),
                analyticsProcessingRate() / plainRate());
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
