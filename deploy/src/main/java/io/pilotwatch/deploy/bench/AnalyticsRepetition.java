package io.pilotwatch.deploy.bench;

import java.util.Locale;

/**
 * One repetition of the analytics benchmark over the same backlog, run back to back so that they share the
 * machine's load: the plain consumer, Kafka Streams' own ceiling (D0a, D0b), the service; with
 * {@code --stream-threads} above 1, D0b and the service again with that many threads. Ratios are taken within
 * a repetition. Rates are "start to all committed" unless named "processing" (startup excluded).
 *
 * @param records       the backlog
 * @param more          the runs with more stream threads, or null
 */
record AnalyticsRepetition(long records, double plainSeconds, StreamsCeiling sourceOnly,
                           StreamsCeiling repartitioned, AnalyticsRun analytics, MoreThreads more,
                           double loadBefore, double loadAfter) {

    /** D0b and the service with more stream threads than the service's default of one. */
    record MoreThreads(StreamsCeiling repartitioned, AnalyticsRun analytics) {
    }

    double plainRate() {
        return records / plainSeconds;
    }

    double analyticsRate() {
        return records / analytics.totalSeconds();
    }

    double processingRate() {
        return records / analytics.processingSeconds();
    }

    double ratioToPlain() {
        return analyticsRate() / plainRate();
    }

    double processingRatioToPlain() {
        return processingRate() / plainRate();
    }

    /** The service against Kafka Streams with the same repartition hop and nothing else (D0b). */
    double ratioToCeiling() {
        return analyticsRate() / repartitioned.perSecond();
    }

    /** The service against Kafka Streams reading the same input and doing nothing else (D0a). */
    double ratioToSourceOnly() {
        return analyticsRate() / sourceOnly.perSecond();
    }

    double processingRatioToCeiling() {
        return processingRate() / repartitioned.processingPerSecond();
    }

    double moreThreadsRate() {
        return records / more.analytics().totalSeconds();
    }

    double moreThreadsRatioToCeiling() {
        return moreThreadsRate() / more.repartitioned().perSecond();
    }

    String json(int plants) {
        AnalyticsRun a = analytics;
        Freshness.Figures f = a.freshness();
        String freshness = f == null ? "null" : String.format(Locale.ROOT, "{\"samples\":%d,\"p50Millis\":%.3f,"
                + "\"p99Millis\":%.3f,\"maxMillis\":%.3f,\"scrapeP50Millis\":%.3f}", f.samples(), f.p50Millis(),
                f.p99Millis(), f.maxMillis(), f.scrapeP50Millis());
        String moreJson = more == null ? "null" : String.format(Locale.ROOT, "{\"d0b\":%s,\"analytics\":{"
                        + "\"startupSeconds\":%.3f,\"totalSeconds\":%.3f,\"perSecond\":%.1f,\"recordsCounted\":%d},"
                        + "\"analytics/D0b\":%.4f}", more.repartitioned().json(), more.analytics().startupSeconds(),
                more.analytics().totalSeconds(), moreThreadsRate(), more.analytics().recordsCounted(),
                moreThreadsRatioToCeiling());
        return String.format(Locale.ROOT, "{\"loadAverageBefore\":%.2f,\"loadAverageAfter\":%.2f,"
                        + "\"plain\":{\"seconds\":%.3f,\"perSecond\":%.1f},\"d0a\":%s,\"d0b\":%s,"
                        + "\"analytics\":{\"startupSeconds\":%.3f,\"totalSeconds\":%.3f,\"processingSeconds\":%.3f,"
                        + "\"perSecond\":%.1f,\"processingPerSecond\":%.1f,\"recordsCounted\":%d,\"stateBytesRunning\":%d,"
                        + "\"stateBytesClosed\":%d,\"stateBytesClosedPerPlant\":%d,\"heapBeforeBytes\":%d,"
                        + "\"heapPeakBytes\":%d,\"heapLiveAfterGcBytes\":%d,\"freshness\":%s},"
                        + "\"ratios\":{\"analytics/plain\":%.4f,\"analyticsProcessing/plain\":%.4f,"
                        + "\"analytics/D0b\":%.4f,\"analyticsProcessing/D0bProcessing\":%.4f},\"moreThreads\":%s}",
                loadBefore, loadAfter, plainSeconds, plainRate(), sourceOnly.json(), repartitioned.json(),
                a.startupSeconds(), a.totalSeconds(), a.processingSeconds(), analyticsRate(), processingRate(),
                a.recordsCounted(), a.stateBytesRunning(), a.stateBytesClosed(), a.stateBytesClosed() / plants,
                a.heapBeforeBytes(), a.heapPeakBytes(), a.heapLiveAfterGcBytes(), freshness, ratioToPlain(),
                processingRatioToPlain(), ratioToCeiling(), processingRatioToCeiling(), moreJson);
    }
}
