package io.pilotwatch.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.ingest.forward.KafkaSender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka security settings (SASL_SSL with SCRAM, a trust store, mutual TLS) reach the producer exactly as an
 * operator wrote them, from the environment or from the properties file: the bridge neither drops, renames nor
 * rewrites any of them, and its own defaults do not override them.
 */
class KafkaSecurityConfigTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"ingest\" password=\"s3cr=t;\\\"quoted\\\" value\";";

    private static final Map<String, String> SASL_SSL = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/pilotwatch/kafka-truststore.p12",
            "ssl.truststore.password", "trust-pw",
            "ssl.truststore.type", "PKCS12",
            "ssl.keystore.location", "/etc/pilotwatch/ingest-keystore.p12",
            "ssl.keystore.password", "key-pw",
            "ssl.endpoint.identification.algorithm", "https");

    @Test
    void saslSslScramSettingsFromTheEnvironmentReachTheProducerUnchanged() {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093,kafka-2:9093");
        SASL_SSL.forEach((key, value) -> environment.put("KAFKA_PRODUCER_" + key.toUpperCase().replace('.', '_'), value));
        environment.put("MQTT_URL", "tcp://broker:1883");

        Map<String, Object> producer = KafkaSender.producerConfig(IngestConfig.fromMap(IngestConfig.load(null, environment)));

        assertThat(producer).containsAllEntriesOf(SASL_SSL);
        assertThat(producer).containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9093");
    }

    @Test
    void saslSslScramSettingsFromTheFileReachTheProducerUnchanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingest.properties");
        StringBuilder properties = new StringBuilder("kafka.bootstrap.servers=kafka-1:9093\nmqtt.url=tcp://broker:1883\n");
        SASL_SSL.forEach((key, value) -> properties.append("kafka.producer.").append(key).append('=')
                .append(value.replace("\\", "\\\\")).append('\n'));
        Files.writeString(file, properties);

        Map<String, Object> producer = KafkaSender.producerConfig(IngestConfig.fromMap(IngestConfig.load(file, Map.of())));

        assertThat(producer).containsAllEntriesOf(SASL_SSL);
    }

    @Test
    void operatorSettingsWinOverTheBridgeDefaults() {
        Map<String, String> values = Map.of("kafka.bootstrap.servers", "k:9093", "mqtt.url", "tcp://b:1883",
                "kafka.producer.security.protocol", "SSL", "kafka.producer.linger.ms", "20",
                "kafka.producer.client.id", "ingest-plant-a");

        Map<String, Object> producer = KafkaSender.producerConfig(IngestConfig.fromMap(values));

        assertThat(producer).containsEntry("security.protocol", "SSL").containsEntry("linger.ms", "20")
                .containsEntry("client.id", "ingest-plant-a");
    }

    @Test
    void sendsNeverWaitSinceTheyRunOnTheEventLoop() {
        Map<String, String> values = Map.of("kafka.bootstrap.servers", "k:9093", "mqtt.url", "tcp://b:1883");

        assertThat(KafkaSender.producerConfig(IngestConfig.fromMap(values))).containsEntry("max.block.ms", "0");
    }
}
