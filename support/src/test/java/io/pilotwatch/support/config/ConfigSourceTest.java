package io.pilotwatch.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {

    @Test
    void environmentOverridesFileAndPassesThroughPrefixedVariables(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("service.properties");
        Files.writeString(file, "kafka.bootstrap.servers=file:9092\nhttp.port=9000\n");

        Map<String, String> values = ConfigSource.load(file, Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "KAFKA_PRODUCER_LINGER_MS", "20", "UNRELATED", "x"), Set.of("kafka.bootstrap.servers", "http.port"),
                "KAFKA_PRODUCER_", "kafka.producer.");

        assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of("kafka.bootstrap.servers", "env:9092",
                "http.port", "9000", "kafka.producer.linger.ms", "20"));
    }

    @Test
    void unreadableFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> ConfigSource.load(missing, Map.of(), Set.of(), "X_", "x."))
                .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void readerNamesTheKeyOfEveryProblem() {
        ConfigReader in = new ConfigReader(Map.of("a.port", "99999", "a.flag", "maybe", "typo.key", "1"));

        assertThatThrownBy(() -> in.intIn("a.port", 1, 0, 65535)).hasMessage(
                "configuration key 'a.port': must be from 0 to 65535, got 99999");
        assertThatThrownBy(() -> in.bool("a.flag", false)).hasMessageContaining("'a.flag'");
        assertThatThrownBy(in::rejectUnknownKeys).hasMessageContaining("'typo.key'").hasMessageContaining("not a known key");
        assertThat(ConfigSource.envName("ingest.listen.port")).isEqualTo("INGEST_LISTEN_PORT");
    }
}
