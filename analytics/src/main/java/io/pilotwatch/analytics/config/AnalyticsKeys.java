package io.pilotwatch.analytics.config;

import io.pilotwatch.support.cli.DocumentedKey;
import java.util.List;

/**
 * Every key of the analytics service with its default, in the words and order of docs/configuration.md, for
 * {@code --help}. The defaults themselves are applied in {@link AnalyticsConfig#fromMap}: a test compares this table
 * with the keys the service accepts ({@link AnalyticsConfig#KEYS}) and with docs/configuration.md, so that the three
 * cannot drift apart.
 */
public final class AnalyticsKeys {

    public static final List<DocumentedKey> ALL = List.of(
            new DocumentedKey("kafka.bootstrap.servers", "required"),
            new DocumentedKey("kafka.topic.telemetry", "factory.telemetry.v1"),
            new DocumentedKey("kafka.topic.dlq", "factory.telemetry.dlq.v1"),
            new DocumentedKey("kafka.topic.kpi", "factory.kpi.v1"),
            new DocumentedKey("kafka.topic.baselines", "factory.baselines.v1"),
            new DocumentedKey("kafka.streams.*", "see below"),
            new DocumentedKey("analytics.application.id", "pilotwatch-analytics"),
            new DocumentedKey("analytics.state.dir", "/var/lib/pilotwatch-analytics"),
            new DocumentedKey("analytics.processing.guarantee", "exactly_once_v2"),
            new DocumentedKey("analytics.rocksdb.block.cache.mb", "64"),
            new DocumentedKey("analytics.rocksdb.write.buffer.mb", "32"),
            new DocumentedKey("analytics.targets.file", "the bundled Box 2 policy"),
            new DocumentedKey("analytics.baselines.file", "learn every baseline from 2015, version 1"),
            new DocumentedKey("analytics.grace.hours", "48"),
            new DocumentedKey("analytics.dedup.retention.days", "40 (at least 32 + grace in days)"),
            new DocumentedKey("analytics.max.future.skew.minutes", "60"),
            new DocumentedKey("analytics.line.idle.minutes", "10"),
            new DocumentedKey("analytics.publish.interval.seconds", "10"),
            new DocumentedKey("analytics.trailing.days", "90"),
            new DocumentedKey("analytics.verdict.min.units", "30"),
            new DocumentedKey("analytics.verdict.min.days", "7"),
            new DocumentedKey("analytics.baseline.min.units", "30"),
            new DocumentedKey("analytics.baseline.min.days", "7"),
            new DocumentedKey("analytics.baseline.min.months", "3"),
            new DocumentedKey("analytics.trend.months", "12"),
            new DocumentedKey("analytics.trend.min.months", "6"),
            new DocumentedKey("analytics.trend.horizon.months", "12"),
            new DocumentedKey("http.host", "0.0.0.0"),
            new DocumentedKey("http.port", "8081"),
            new DocumentedKey("http.advertised.address", "http.host unless a wildcard, else the host name; the bound port"),
            new DocumentedKey("analytics.scorecard.refresh.seconds", "10"),
            new DocumentedKey("grafana.url", "none"));

    private AnalyticsKeys() {
    }
}
