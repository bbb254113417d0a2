package io.pilotwatch.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.ingest.forward.KafkaSender;
import io.pilotwatch.ingest.forward.PlantPartitioner;
import io.pilotwatch.support.config.ConfigException;
import io.pilotwatch.support.config.ConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", "localhost:9092");
        values.put("mqtt.url", "tcp://broker:1883");
        return values;
    }

    @Test
    void defaultsToSubscribeModeWithSafeLimits() {
        IngestConfig config = IngestConfig.fromMap(minimal());

        assertThat(config.mode()).isEqualTo(IngestConfig.Mode.SUBSCRIBE);
        assertThat(config.subscribe().subscription()).isEqualTo("factory/v1/#");
        assertThat(config.subscribe().url().getHost()).isEqualTo("broker");
        assertThat(config.limits().maxMessageBytes()).isEqualTo(65536);
        assertThat(config.kafka().telemetryTopic()).isEqualTo("factory.telemetry.v1");
        assertThat(config.httpPort()).isEqualTo(8080);
    }

    @Test
    void listenGuardsHaveDefaultsAndBadValuesFailNamingTheKey() {
        IngestConfig.ListenGuards guards = IngestConfig.fromMap(minimal()).listen().guards();
        assertThat(guards.connectTimeout()).hasSeconds(10);
        assertThat(guards.maxIdle()).hasSeconds(300);
        assertThat(guards.loginThreads()).isEqualTo(2);
        assertThat(guards.loginMaxPending()).isEqualTo(32);
        assertThat(guards.loginRatePerAddress()).isEqualTo(20);
        assertThat(guards.maxConnectionsPerUser()).isEqualTo(100);

        for (String key : new String[] {"ingest.listen.connect.timeout.seconds", "ingest.listen.max.idle.seconds",
                "ingest.listen.login.threads", "ingest.listen.login.max.pending", "ingest.listen.login.rate.per.address",
                "ingest.listen.max.connections.per.user"}) {
            Map<String, String> values = minimal();
            values.put(key, "0");
            assertThatThrownBy(() -> IngestConfig.fromMap(values)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(key);
        }
    }

    @Test
    void sharedGroupMakesASharedSubscription() {
        Map<String, String> values = minimal();
        values.put("mqtt.shared.group", "bridges");
        values.put("mqtt.connections", "4");

        assertThat(IngestConfig.fromMap(values).subscribe().subscription()).isEqualTo("$share/bridges/factory/v1/#");
    }

    @Test
    void producerKeysPassThroughUntouched() {
        Map<String, String> values = minimal();
        values.put("kafka.producer.security.protocol", "SASL_SSL");
        values.put("kafka.producer.sasl.mechanism", "SCRAM-SHA-512");

        assertThat(IngestConfig.fromMap(values).kafka().producer())
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void badValuesFailNamingTheKey() {
        assertFailsNaming(Map.of("ingest.mode", "push"), "ingest.mode", "must be one of subscribe|listen");
        assertFailsNaming(Map.of("http.port", "80x"), "http.port", "must be an integer");
        assertFailsNaming(Map.of("http.port", "70000"), "http.port", "must be from 0 to 65535");
        assertFailsNaming(Map.of("mqtt.url", "http://x"), "mqtt.url", "tcp://host:port");
        assertFailsNaming(Map.of("mqtt.connections", "3"), "mqtt.connections", "mqtt.shared.group");
        assertFailsNaming(Map.of("ingest.listen.anonymous", "yes"), "ingest.listen.anonymous", "true or false");
        assertFailsNaming(Map.of("ingest.listen.tls.cert", "/nonexistent.pem"), "ingest.listen.tls.cert",
                "does not exist");
        assertFailsNaming(Map.of("mqtt.clientid", "x"), "mqtt.clientid", "not a known key");
        assertFailsNaming(Map.of("kafka.producer.max.block.ms", "5000"), "kafka.producer.max.block.ms", "never wait");
        assertFailsNaming(Map.of("ingest.kafka.partition.by", "station"), "ingest.kafka.partition.by",
                "must be one of plant|line");
        assertFailsNaming(Map.of("ingest.kafka.partition.by", "line", "kafka.producer.partitioner.class", "x.Y"),
                "kafka.producer.partitioner.class", "ingest.kafka.partition.by");
    }

    @Test
    void recordsGoToThePlantsPartitionUnlessSpreadByLine() {
        Map<String, Object> byPlant = KafkaSender.producerConfig(IngestConfig.fromMap(minimal()));
        assertThat(byPlant).containsEntry(ProducerConfig.PARTITIONER_CLASS_CONFIG, PlantPartitioner.class.getName());

        Map<String, String> values = minimal();
        values.put("ingest.kafka.partition.by", "LINE");
        IngestConfig byLine = IngestConfig.fromMap(values);
        assertThat(byLine.kafka().partitionBy()).isEqualTo(IngestConfig.PartitionBy.LINE);
        // No partitioner set: Kafka's own hashes the whole {plant}/{line} key.
        assertThat(KafkaSender.producerConfig(byLine)).doesNotContainKey(ProducerConfig.PARTITIONER_CLASS_CONFIG);

        // A partitioner of one's own, as before the key existed, still wins.
        values = minimal();
        values.put("kafka.producer.partitioner.class", "x.Y");
        assertThat(KafkaSender.producerConfig(IngestConfig.fromMap(values)))
                .containsEntry(ProducerConfig.PARTITIONER_CLASS_CONFIG, "x.Y");
    }

    @Test
    void requiredKeysAreNamed() {
        assertThatThrownBy(() -> IngestConfig.fromMap(Map.of("mqtt.url", "tcp://b:1883")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'kafka.bootstrap.servers'");
        assertThatThrownBy(() -> IngestConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092")))
                .hasMessageContaining("'mqtt.url'").hasMessageContaining("subscribe mode");
        assertThatThrownBy(() -> IngestConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092",
                "ingest.mode", "listen"))).hasMessageContaining("'ingest.listen.credentials.file'");
    }

    @Test
    void listenModeNeedsNoBrokerUrlWhenAnonymousIsExplicit() {
        IngestConfig config = IngestConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092", "ingest.mode", "LISTEN",
                "ingest.listen.anonymous", "true", "ingest.listen.port", "0"));

        assertThat(config.mode()).isEqualTo(IngestConfig.Mode.LISTEN);
        assertThat(config.listen().port()).isZero();
    }

    @Test
    void environmentOverridesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingest.properties");
        Files.writeString(file, "kafka.bootstrap.servers=file:9092\nmqtt.url=tcp://file:1883\nhttp.port=9000\n");

        Map<String, String> values = IngestConfig.load(file, Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "KAFKA_PRODUCER_LINGER_MS", "20", "UNRELATED", "x"));
        IngestConfig config = IngestConfig.fromMap(values);

        assertThat(config.kafka().bootstrapServers()).isEqualTo("env:9092");
        assertThat(config.subscribe().url().getHost()).isEqualTo("file");
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.kafka().producer()).containsEntry("linger.ms", "20");
        assertThat(ConfigSource.envName("ingest.listen.port")).isEqualTo("INGEST_LISTEN_PORT");
    }

    @Test
    void kafkaStallTimeoutDefaultsToAMinuteComesFromTheEnvironmentAndIsBounded() {
        assertThat(IngestConfig.fromMap(minimal()).produce().stallTimeout()).hasSeconds(60);
        Map<String, String> fromEnv = IngestConfig.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "MQTT_URL", "tcp://m:1883", "INGEST_KAFKA_STALL_TIMEOUT_SECONDS", "15"));
        assertThat(IngestConfig.fromMap(fromEnv).produce().stallTimeout()).hasSeconds(15);
        assertFailsNaming(Map.of("ingest.kafka.stall.timeout.seconds", "0"), "ingest.kafka.stall.timeout.seconds", "");
        assertFailsNaming(Map.of("ingest.kafka.stall.timeout.seconds", "soon"), "ingest.kafka.stall.timeout.seconds",
                "");
    }

    private static void assertFailsNaming(Map<String, String> extra, String key, String problem) {
        Map<String, String> values = minimal();
        values.putAll(extra);
        assertThatThrownBy(() -> IngestConfig.fromMap(values)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + key + "'").hasMessageContaining(problem);
    }
}
