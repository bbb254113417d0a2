package io.pilotwatch.ingest.config;

import io.pilotwatch.ingest.sparkplug.SparkplugMapping;
import io.pilotwatch.support.config.ConfigReader;
import io.pilotwatch.support.config.ConfigSource;
import io.pilotwatch.support.config.ConfigException;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bridge's whole configuration, validated at start. Every key, its default and its environment
 * variable are listed in {@code docs/configuration.md}; {@link #fromMap} fails naming the first bad key.
 *
 * @param mode          where messages come from
 * @param bridgeId      this instance's id, written to the {@code bridge.id} header
 * @param kafka         Kafka settings
 * @param subscribe     settings of {@code subscribe} mode
 * @param listen        settings of {@code listen} mode
 * @param limits        bounds on what the bridge holds in memory
 * @param httpHost      interface of the metrics and health endpoint
 * @param httpPort      port of the metrics and health endpoint
 * @param shutdownGrace how long a shutdown waits for in-flight messages to be acknowledged by Kafka
 * @param sparkplug     Sparkplug B decoding (off by default)
 * @param produce       how readiness judges the produce path
 */
public record IngestConfig(Mode mode, String bridgeId, Kafka kafka, Subscribe subscribe, Listen listen,
                           Limits limits, String httpHost, int httpPort, Duration shutdownGrace,
                           Sparkplug sparkplug, Produce produce) {

    /** Where messages come from. */
    public enum Mode {
        /** A client of an existing MQTT broker (production default). */
        SUBSCRIBE,
        /** The bridge is itself the MQTT endpoint devices connect to. */
        LISTEN
    }

    /**
     * Kafka producer settings: every {@code kafka.producer.*} key goes to the producer untouched.
     *
     * @param partitionBy how telemetry records are spread over the topic's partitions
     */
    public record Kafka(String bootstrapServers, String telemetryTopic, String dlqTopic, Map<String, String> producer,
                        PartitionBy partitionBy) {
    }

    /**
     * How the bridge spreads telemetry records over partitions ({@code ingest.kafka.partition.by}). Either way a
     * line's records share a partition and keep their order.
     */
    public enum PartitionBy {
        /** Every record of a plant in one partition: the analytics processes them where they are (the default). */
        PLANT,
        /**
         * By the whole {@code {plant}/{line}} key: a large plant's lines spread over partitions, so the analytics
         * decodes and classifies them on several stream threads and gathers them by plant through its repartition
         * topic (docs/scaling.md, "A plant larger than one thread").
         */
        LINE
    }

    /** Settings of subscribe mode. */
    public record Subscribe(URI url, Optional<String> username, Optional<String> password, String clientId,
                            String topicFilter, Optional<String> sharedGroup, int connections,
                            Duration reconnectInitial, Duration reconnectMax, int keepAliveSeconds) {

        /** The filter actually subscribed: {@code $share/{group}/{filter}} when a group is set. */
        public String subscription() {
            return sharedGroup.map(group -> "$share/" + group + "/" + topicFilter).orElse(topicFilter);
        }
    }

    /** Settings of listen mode. */
    public record Listen(String host, int port, boolean anonymous, Optional<Path> credentialsFile,
                         Optional<Path> tlsCert, Optional<Path> tlsKey, Optional<Path> tlsClientCa,
                         int maxConnections, int maxInflightPerClient, ListenGuards guards) {
    }

    /**
     * Bounds on what a listen-mode connection may cost before and around login (docs/reliability.md).
     *
     * @param connectTimeout       how long a new socket may take to send CONNECT; then it is closed
     * @param maxIdle              a client with keep-alive 0 is closed after this much silence
     * @param loginThreads         threads that hash passwords (PBKDF2), shared by all logins
     * @param loginMaxPending      logins hashing or waiting for a thread; more are refused as "server busy"
     * @param loginRatePerAddress  logins per second one source address may start (burst of the same size)
     * @param maxConnectionsPerUser accepted connections one user name may hold at once
     */
    public record ListenGuards(Duration connectTimeout, Duration maxIdle, int loginThreads, int loginMaxPending,
                               int loginRatePerAddress, int maxConnectionsPerUser) {
    }

    /** Memory bounds; see docs/configuration.md for what happens at each. */
    public record Limits(int maxMessageBytes, int maxInflightMessages, long maxInflightBytes) {
    }

    /**
     * Sparkplug B settings (docs/sparkplug.md).
     *
     * @param mapping         the loaded mapping file; present exactly when Sparkplug is enabled
     * @param topicFilter     what subscribe mode subscribes to in addition (never shared: one bridge must see
     *                        all messages of an edge node, in order)
     * @param primaryHost     whether to request rebirths (NCMD) on gaps and unknown aliases; else passive
     * @param rebirthInterval at most one rebirth request per edge node within this time
     */
    public record Sparkplug(Optional<SparkplugMapping> mapping, String topicFilter, boolean primaryHost,
                            Duration rebirthInterval) {

        public boolean enabled() {
            return mapping.isPresent();
        }
    }

    // --- Produce-path health (issue 16, item 7): kept apart to ease merging. ---

    /** @param stallTimeout not ready when sends have been pending this long without one succeeding */
    public record Produce(Duration stallTimeout) {
    }

    private static Produce readProduce(ConfigReader in) {
        return new Produce(Duration.ofSeconds(in.intIn("ingest.kafka.stall.timeout.seconds", 60, 1, 86_400)));
    }

    // --- end of produce-path health ---

    static final String PRODUCER_PREFIX = "kafka.producer.";

    /** Keys that environment variables can override. */
    public static final Set<String> KEYS = Set.of("ingest.mode", "ingest.bridge.id", "kafka.bootstrap.servers",
            "kafka.topic.telemetry", "kafka.topic.dlq", "mqtt.url", "mqtt.username", "mqtt.password",
            "mqtt.client.id", "mqtt.topic.filter", "mqtt.shared.group", "mqtt.connections",
            "mqtt.reconnect.initial.ms", "mqtt.reconnect.max.ms", "mqtt.keepalive.seconds", "ingest.listen.host",
            "ingest.listen.port", "ingest.listen.anonymous", "ingest.listen.credentials.file",
            "ingest.listen.tls.cert", "ingest.listen.tls.key", "ingest.listen.tls.client.ca",
            "ingest.listen.max.connections", "ingest.listen.max.inflight.per.client", "ingest.max.message.bytes",
            // Listen-mode guards (readListenGuards)
            "ingest.listen.connect.timeout.seconds", "ingest.listen.max.idle.seconds", "ingest.listen.login.threads",
            "ingest.listen.login.max.pending", "ingest.listen.login.rate.per.address",
            "ingest.listen.max.connections.per.user",
            "ingest.max.inflight.messages", "ingest.max.inflight.bytes", "ingest.kafka.stall.timeout.seconds",
            "ingest.kafka.partition.by", "http.host", "http.port",
            "ingest.shutdown.grace.seconds", "sparkplug.enabled", "sparkplug.mapping.file",
            "sparkplug.topic.filter", "sparkplug.primary.host", "sparkplug.rebirth.interval.seconds");

    /**
     * Reads {@code file} (may be null) overlaid by the environment, then validates.
     *
     * @throws ConfigException naming the first missing, invalid or unknown key
     */
    public static Map<String, String> load(Path file, Map<String, String> environment) {
        return ConfigSource.load(file, environment, KEYS, "KAFKA_PRODUCER_", PRODUCER_PREFIX);
    }

    /**
     * Builds and validates the configuration.
     *
     * @throws ConfigException naming the first missing, invalid or unknown key
     */
    public static IngestConfig fromMap(Map<String, String> values) {
        ConfigReader in = new ConfigReader(values);
        Mode mode = in.enumValue("ingest.mode", Mode.SUBSCRIBE);
        String bridgeId = in.string("ingest.bridge.id", defaultBridgeId());
        Kafka kafka = new Kafka(in.required("kafka.bootstrap.servers", "host:port[,host:port]"),
                in.string("kafka.topic.telemetry", Topics.TELEMETRY), in.string("kafka.topic.dlq", Topics.DLQ),
                in.withPrefix(PRODUCER_PREFIX), in.enumValue("ingest.kafka.partition.by", PartitionBy.PLANT));
        if (values.containsKey("ingest.kafka.partition.by") && kafka.producer().containsKey("partitioner.class")) {
            throw new ConfigException(PRODUCER_PREFIX + "partitioner.class", "cannot be set together with "
                    + "ingest.kafka.partition.by: set one of them");
        }
        String maxBlock = kafka.producer().get("max.block.ms");
        if (maxBlock != null && !maxBlock.strip().equals("0")) {
            throw new ConfigException(PRODUCER_PREFIX + "max.block.ms", "must be 0 or unset: the bridge sends from its "
                    + "event loop, which must never wait; a send that cannot go at once fails and is retried");
        }
        Subscribe subscribe = readSubscribe(in, mode, bridgeId);
        Listen listen = readListen(in, mode);
        Limits limits = new Limits(
                in.intIn("ingest.max.message.bytes", TelemetryCodec.DEFAULT_MAX_PAYLOAD_BYTES, 256, 16 * 1024 * 1024),
                in.intIn("ingest.max.inflight.messages", 10_000, 1, 1_000_000),
                in.longIn("ingest.max.inflight.bytes", 64L * 1024 * 1024, 1024, 8L * 1024 * 1024 * 1024));
        String httpHost = in.string("http.host", "0.0.0.0");
        int httpPort = in.intIn("http.port", 8080, 0, 65535);
        Duration grace = Duration.ofSeconds(in.intIn("ingest.shutdown.grace.seconds", 30, 0, 3600));
        Sparkplug sparkplug = readSparkplug(in, mode);
        Produce produce = readProduce(in);
        in.rejectUnknownKeys();
        return new IngestConfig(mode, bridgeId, kafka, subscribe, listen, limits, httpHost, httpPort, grace,
                sparkplug, produce);
    }

    private static Subscribe readSubscribe(ConfigReader in, Mode mode, String bridgeId) {
        Optional<String> urlText = in.optional("mqtt.url");
        if (mode == Mode.SUBSCRIBE && urlText.isEmpty()) {
            throw new ConfigException("mqtt.url", "is required in subscribe mode (e.g. tcp://localhost:1883)");
        }
        URI url = parseMqttUrl(urlText.orElse("tcp://localhost:1883"));
        Optional<String> group = in.optional("mqtt.shared.group");
        int connections = in.intIn("mqtt.connections", 1, 1, 64);
        if (connections > 1 && group.isEmpty()) {
            throw new ConfigException("mqtt.connections", "more than 1 connection needs mqtt.shared.group, "
                    + "or every connection would receive every message");
        }
        int initial = in.intIn("mqtt.reconnect.initial.ms", 500, 10, 600_000);
        int max = in.intIn("mqtt.reconnect.max.ms", 30_000, 10, 3_600_000);
        if (max < initial) {
            throw new ConfigException("mqtt.reconnect.max.ms", "must be >= mqtt.reconnect.initial.ms (" + initial + ")");
        }
        return new Subscribe(url, in.optional("mqtt.username"), in.optional("mqtt.password"),
                in.string("mqtt.client.id", "pilotwatch-ingest-" + bridgeId),
                in.string("mqtt.topic.filter", Topics.MQTT_FILTER), group, connections,
                Duration.ofMillis(initial), Duration.ofMillis(max), in.intIn("mqtt.keepalive.seconds", 30, 5, 3600));
    }

    private static Listen readListen(ConfigReader in, Mode mode) {
        boolean anonymous = in.bool("ingest.listen.anonymous", false);
        Optional<Path> credentials = in.readableFile("ingest.listen.credentials.file");
        if (mode == Mode.LISTEN && !anonymous && credentials.isEmpty()) {
            throw new ConfigException("ingest.listen.credentials.file", "is required in listen mode unless "
                    + "ingest.listen.anonymous=true (devices must authenticate)");
        }
        Optional<Path> cert = in.readableFile("ingest.listen.tls.cert");
        Optional<Path> key = in.readableFile("ingest.listen.tls.key");
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException(cert.isPresent() ? "ingest.listen.tls.key" : "ingest.listen.tls.cert",
                    "TLS needs both a certificate and a key (PEM files)");
        }
        Optional<Path> clientCa = in.readableFile("ingest.listen.tls.client.ca");
        if (clientCa.isPresent() && cert.isEmpty()) {
            throw new ConfigException("ingest.listen.tls.client.ca", "mutual TLS needs ingest.listen.tls.cert and .key");
        }
        return new Listen(in.string("ingest.listen.host", "0.0.0.0"), in.intIn("ingest.listen.port", 1883, 0, 65535),
                anonymous, credentials, cert, key, clientCa,
                in.intIn("ingest.listen.max.connections", 10_000, 1, 1_000_000),
                in.intIn("ingest.listen.max.inflight.per.client", 100, 1, 65_535), readListenGuards(in));
    }

    // ---- Listen-mode guards: what a connection may cost before and around login ----

    private static ListenGuards readListenGuards(ConfigReader in) {
        return new ListenGuards(Duration.ofSeconds(in.intIn("ingest.listen.connect.timeout.seconds", 10, 1, 600)),
                Duration.ofSeconds(in.intIn("ingest.listen.max.idle.seconds", 300, 5, 86_400)),
                in.intIn("ingest.listen.login.threads", 2, 1, 64),
                in.intIn("ingest.listen.login.max.pending", 32, 1, 100_000),
                in.intIn("ingest.listen.login.rate.per.address", 20, 1, 100_000),
                in.intIn("ingest.listen.max.connections.per.user", 100, 1, 1_000_000));
    }

    private static Sparkplug readSparkplug(ConfigReader in, Mode mode) {
        boolean enabled = in.bool("sparkplug.enabled", false);
        Optional<Path> file = in.readableFile("sparkplug.mapping.file");
        String filter = in.string("sparkplug.topic.filter", "spBv1.0/#");
        boolean primary = in.bool("sparkplug.primary.host", false);
        Duration interval = Duration.ofSeconds(in.intIn("sparkplug.rebirth.interval.seconds", 30, 1, 3600));
        if (enabled && file.isEmpty()) {
            throw new ConfigException("sparkplug.mapping.file", "is required when sparkplug.enabled=true "
                    + "(which Sparkplug metrics mean what, see docs/sparkplug.md)");
        }
        if (!filter.startsWith("spBv1.0/")) {
            throw new ConfigException("sparkplug.topic.filter", "must start with spBv1.0/, got '" + filter + "'");
        }
        if (enabled && primary && mode == Mode.LISTEN) {
            throw new ConfigException("sparkplug.primary.host", "needs subscribe mode: in listen mode the bridge "
                    + "cannot send commands to edge nodes");
        }
        return new Sparkplug(enabled ? file.map(SparkplugMapping::load) : Optional.empty(), filter,
                enabled && primary, interval);
    }

    private static URI parseMqttUrl(String text) {
        try {
            URI uri = new URI(text);
            if (!("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException("mqtt.url", "must be tcp://host:port or ssl://host:port, got '" + text + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("mqtt.url", "is not a URL: '" + text + "'");
        }
    }

    private static String defaultBridgeId() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "ingest-0" : host;
    }

    /** The port of {@code mqtt.url}, defaulting by scheme. */
    public static int portOf(URI url) {
        return url.getPort() > 0 ? url.getPort() : ("ssl".equals(url.getScheme()) ? 8883 : 1883);
    }
}
