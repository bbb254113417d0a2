package io.pilotwatch.analytics.config;

import io.pilotwatch.support.config.ConfigReader;
import io.pilotwatch.support.config.ConfigSource;
import io.pilotwatch.support.config.ConfigException;
import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.baseline.BaselineEvidence;
import io.pilotwatch.analytics.baseline.BaselinePlan;
import io.pilotwatch.analytics.baseline.BaselinesFile;
import io.pilotwatch.analytics.targets.Targets;
import io.pilotwatch.analytics.targets.TargetsFile;
import io.pilotwatch.telemetry.Topics;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The analytics service's whole configuration, validated at start. Every key, its default and its
 * environment variable are in {@code docs/configuration.md}; {@link #fromMap} fails naming the first bad
 * key, and a bad targets or baselines file fails naming the file and the key inside it.
 *
 * @param publishedBaselines baselines already on {@code factory.baselines.v1} when the service started,
 *                           by {@code plant/kpi}; adopted instead of learning again (empty in tests)
 */
public record AnalyticsConfig(Kafka kafka, Streams streams, Processing processing, Verdicts verdicts,
                              String httpHost, int httpPort, Optional<String> httpAdvertised, Web web, Targets targets,
                              BaselinePlan baselines, Map<String, Baseline> publishedBaselines) {

    /** Topics. */
    public record Kafka(String bootstrapServers, String telemetryTopic, String dlqTopic, String kpiTopic,
                        String baselinesTopic) {
    }

    /** Kafka Streams settings; {@code overrides} ({@code kafka.streams.*}) go to Streams untouched. */
    public record Streams(String applicationId, Path stateDir, Guarantee guarantee, Map<String, String> overrides,
                          RocksDbMemory rocksDb) {

        /**
         * The connection security among the overrides ({@code security.*}, {@code sasl.*}, {@code ssl.*}), for the
         * service's own admin client and baseline reader: with an authenticated listener they must log in as Streams
         * does.
         */
        public Map<String, Object> clientSecurity() {
            Map<String, Object> security = new java.util.TreeMap<>();
            overrides.forEach((key, value) -> {
                if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                    security.put(key, value);
                }
            });
            return security;
        }
    }

    /**
     * The off-heap memory all RocksDB stores of the instance share (docs/operations.md, "Memory"): at most
     * {@code blockCacheMb + writeBufferMb}, the memtables charged to the same cache.
     *
     * @param blockCacheMb  data, index and filter blocks
     * @param writeBufferMb memtables of all stores together
     */
    public record RocksDbMemory(int blockCacheMb, int writeBufferMb) {

        public long blockCacheBytes() {
            return (long) blockCacheMb << 20;
        }

        public long writeBufferBytes() {
            return (long) writeBufferMb << 20;
        }
    }

    /** Processing guarantees offered. */
    public enum Guarantee {
        EXACTLY_ONCE_V2, AT_LEAST_ONCE;

        public String streamsValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Event-time handling.
     *
     * @param grace           how long after a calendar month ends its events are still taken
     * @param dedupRetention  how long message ids are remembered, in event time per plant
     * @param maxFutureSkew   events further ahead of the wall clock are rejected
     * @param publishInterval how often KPI snapshots go to the KPI topic (wall-clock time)
     * @param lineIdleTimeout a line that sent nothing for this long (wall-clock time) no longer holds back
     *                        its plant's watermark
     */
    public record Processing(Duration grace, Duration dedupRetention, Duration maxFutureSkew,
                             Duration publishInterval, Duration lineIdleTimeout) {
    }

    /**
     * Windows and sample minimums of the verdicts, and the evidence a learned baseline needs.
     *
     * @param trendHorizonMonths a projection claims nothing for a due date further than this beyond the last
     *                           fitted month
     */
    public record Verdicts(int trailingDays, long minUnits, int minDays, int trendMonths, int trendMinMonths,
                           int trendHorizonMonths, BaselineEvidence baselineEvidence) {
    }

    /**
     * The scorecard pages.
     *
     * @param grafanaUrl     Grafana's base URL without a trailing slash, for links to its dashboards; empty: no links
     * @param refreshSeconds how often an open page fetches fresh figures
     */
    public record Web(Optional<String> grafanaUrl, int refreshSeconds) {
    }

    static final String STREAMS_PREFIX = "kafka.streams.";

    /** Keys that environment variables can override. */
    public static final Set<String> KEYS = Set.of("kafka.bootstrap.servers", "kafka.topic.telemetry",
            "kafka.topic.dlq", "kafka.topic.kpi", "kafka.topic.baselines", "analytics.application.id",
            "analytics.state.dir", "analytics.processing.guarantee", "analytics.targets.file",
            "analytics.baselines.file", "analytics.grace.hours", "analytics.dedup.retention.days",
            "analytics.max.future.skew.minutes", "analytics.publish.interval.seconds", "analytics.line.idle.minutes",
            "analytics.trailing.days",
            "analytics.verdict.min.units", "analytics.verdict.min.days", "analytics.baseline.min.units",
            "analytics.baseline.min.days", "analytics.baseline.min.months", "analytics.trend.months",
            "analytics.trend.min.months", "analytics.trend.horizon.months", "analytics.scorecard.refresh.seconds",
            "grafana.url", "http.host", "http.advertised.address",
            "http.port",
            "analytics.rocksdb.block.cache.mb", "analytics.rocksdb.write.buffer.mb");

    /** Reads {@code file} (may be null) overlaid by the environment; {@code KAFKA_STREAMS_*} pass through. */
    public static Map<String, String> load(Path file, Map<String, String> environment) {
        return ConfigSource.load(file, environment, KEYS, "KAFKA_STREAMS_", STREAMS_PREFIX);
    }

    /**
     * Builds and validates the configuration, reading the targets and baselines files it names.
     *
     * @throws ConfigException         naming the first missing, invalid or unknown key
     * @throws DefinitionFileException naming the file and key of a bad targets or baselines file
     */
    public static AnalyticsConfig fromMap(Map<String, String> values) {
        ConfigReader in = new ConfigReader(values);
        Kafka kafka = new Kafka(in.required("kafka.bootstrap.servers", "host:port[,host:port]"),
                in.string("kafka.topic.telemetry", Topics.TELEMETRY), in.string("kafka.topic.dlq", Topics.DLQ),
                in.string("kafka.topic.kpi", "factory.kpi.v1"), in.string("kafka.topic.baselines", "factory.baselines.v1"));
        Streams streams = new Streams(in.string("analytics.application.id", "pilotwatch-analytics"),
                Path.of(in.string("analytics.state.dir", "/var/lib/pilotwatch-analytics")),
                in.enumValue("analytics.processing.guarantee", Guarantee.EXACTLY_ONCE_V2), in.withPrefix(STREAMS_PREFIX),
                rocksDbMemory(in));
        int graceHours = in.intIn("analytics.grace.hours", 48, 0, 24 * 365);
        int minRetentionDays = 32 + (graceHours + 23) / 24;
        int retentionDays = in.intIn("analytics.dedup.retention.days", Math.max(40, minRetentionDays), 1, 3660);
        if (retentionDays < minRetentionDays) {
            throw new ConfigException("analytics.dedup.retention.days", "must be at least " + minRetentionDays
                    + " (a month plus the grace): duplicates of any event still taken must be recognised");
        }
        Processing processing = new Processing(Duration.ofHours(graceHours), Duration.ofDays(retentionDays),
                Duration.ofMinutes(in.intIn("analytics.max.future.skew.minutes", 60, 0, 525_600)),
                Duration.ofSeconds(in.intIn("analytics.publish.interval.seconds", 10, 1, 3600)),
                Duration.ofMinutes(in.intIn("analytics.line.idle.minutes", 10, 1, 525_600)));
        int trendMonths = in.intIn("analytics.trend.months", 12, 2, 240);
        int trendMinMonths = in.intIn("analytics.trend.min.months", 6, 2, 240);
        if (trendMinMonths > trendMonths) {
            throw new ConfigException("analytics.trend.min.months", "must not exceed analytics.trend.months ("
                    + trendMonths + ")");
        }
        Verdicts verdicts = new Verdicts(in.intIn("analytics.trailing.days", 90, 1, 3660),
                in.intIn("analytics.verdict.min.units", 30, 1, 1_000_000_000),
                in.intIn("analytics.verdict.min.days", 7, 2, 3660), trendMonths, trendMinMonths,
                in.intIn("analytics.trend.horizon.months", 12, 1, 240),
                new BaselineEvidence(
                        in.intIn("analytics.baseline.min.units", (int) BaselineEvidence.DEFAULTS.minUnits(), 1,
                                1_000_000_000),
                        in.intIn("analytics.baseline.min.days", BaselineEvidence.DEFAULTS.minDays(), 2, 3660),
                        in.intIn("analytics.baseline.min.months", BaselineEvidence.DEFAULTS.minMonths(), 1, 120)));
        String httpHost = in.string("http.host", "0.0.0.0");
        int httpPort = in.intIn("http.port", 8081, 0, 65535);
        Optional<String> advertised = in.optional("http.advertised.address").map(String::trim);
        advertised.ifPresent(AnalyticsConfig::checkAdvertised);
        Web web = new Web(in.optional("grafana.url").map(AnalyticsConfig::grafanaUrl),
                in.intIn("analytics.scorecard.refresh.seconds", 10, 1, 3600));
        Targets targets = in.readableFile("analytics.targets.file").map(TargetsFile::load)
                .orElseGet(TargetsFile::policyDefaults);
        BaselinePlan baselines = in.readableFile("analytics.baselines.file").map(BaselinesFile::load)
                .orElseGet(BaselinesFile::builtIn);
        in.rejectUnknownKeys();
        return new AnalyticsConfig(kafka, streams, processing, verdicts, httpHost, httpPort, advertised, web, targets,
                baselines, Map.of());
    }

    /** The RocksDB keys: sizes in MiB, the defaults fit the 1 GiB container of docs/operations.md's sizing rule. */
    private static RocksDbMemory rocksDbMemory(ConfigReader in) {
        return new RocksDbMemory(in.intIn("analytics.rocksdb.block.cache.mb", 64, 1, 65_536),
                in.intIn("analytics.rocksdb.write.buffer.mb", 32, 1, 65_536));
    }

    /**
     * The address other instances reach this one's HTTP server at (Kafka Streams' {@code application.server}):
     * {@code http.advertised.address} (host, or host:port), else {@code http.host} unless it is a wildcard, else
     * this machine's host name; the port, unless given, is the one the server bound.
     */
    public HostInfo advertisedAddress(int boundPort) {
        if (httpAdvertised.isPresent()) {
            String value = httpAdvertised.get();
            int colon = value.lastIndexOf(':');
            return colon < 0 ? new HostInfo(value, boundPort)
                    : new HostInfo(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        }
        if (!httpHost.equals("0.0.0.0") && !httpHost.equals("::") && !httpHost.isEmpty()) {
            return new HostInfo(httpHost, boundPort);
        }
        try {
            return new HostInfo(InetAddress.getLocalHost().getHostName(), boundPort);
        } catch (UnknownHostException e) {
            throw new ConfigException("http.advertised.address", "is not set and this machine's host name cannot be "
                    + "resolved (" + e.getMessage() + "); set it to the address other instances reach this one at");
        }
    }

    private static void checkAdvertised(String value) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? value : value.substring(0, colon);
        boolean portOk = colon < 0 || value.substring(colon + 1).matches("[0-9]{1,5}")
                && Integer.parseInt(value.substring(colon + 1)) > 0 && Integer.parseInt(value.substring(colon + 1)) < 65536;
        if (host.isEmpty() || host.contains("/") || host.contains(" ") || !portOk) {
            throw new ConfigException("http.advertised.address", "must be host or host:port as other instances "
                    + "reach this one (e.g. analytics-0.analytics:8081), got '" + value + "'");
        }
    }

    /** An absolute http(s) URL, without the trailing slash, so that dashboard paths can be appended. */
    private static String grafanaUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException("grafana.url", "must be a URL such as http://grafana:3000, got '" + value + "'");
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new ConfigException("grafana.url", "must be an http or https URL without query or fragment, "
                    + "such as http://grafana:3000 or https://example.org/grafana, got '" + value + "'");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The same configuration with the baselines found on the baselines topic at start. */
    public AnalyticsConfig withPublishedBaselines(Map<String, Baseline> published) {
        return new AnalyticsConfig(kafka, streams, processing, verdicts, httpHost, httpPort, httpAdvertised, web,
                targets, baselines, Map.copyOf(published));
    }
}
