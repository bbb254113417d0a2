package io.pilotwatch.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.support.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sparkplug.* keys (docs/configuration.md). */
class SparkplugConfigTest {

    private static final String EXAMPLE = "../docs/sparkplug-mapping.example.yaml";

    private static Map<String, String> subscribe() {
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", "k:9092");
        values.put("mqtt.url", "tcp://b:1883");
        return values;
    }

    @Test
    void offByDefault() {
        IngestConfig.Sparkplug sparkplug = IngestConfig.fromMap(subscribe()).sparkplug();

        assertThat(sparkplug.enabled()).isFalse();
        assertThat(sparkplug.primaryHost()).isFalse();
        assertThat(sparkplug.topicFilter()).isEqualTo("spBv1.0/#");
    }

    @Test
    void enabledLoadsTheMappingFileAtStart() {
        Map<String, String> values = subscribe();
        values.put("sparkplug.enabled", "true");
        values.put("sparkplug.mapping.file", EXAMPLE);
        values.put("sparkplug.primary.host", "true");

        IngestConfig.Sparkplug sparkplug = IngestConfig.fromMap(values).sparkplug();

        assertThat(sparkplug.mapping()).get().satisfies(m -> assertThat(m.unit()).isPresent());
        assertThat(sparkplug.primaryHost()).isTrue();
    }

    @Test
    void enabledWithoutAMappingFileFailsNamingTheKey() {
        Map<String, String> values = subscribe();
        values.put("sparkplug.enabled", "true");

        assertThatThrownBy(() -> IngestConfig.fromMap(values)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'sparkplug.mapping.file': is required");
    }

    @Test
    void aBadMappingFileStopsTheStartNamingFileAndKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plant.yaml");
        Files.writeString(file, "metrics:\n  state: {metric: S, value: {1: running}}\n");
        Map<String, String> values = subscribe();
        values.put("sparkplug.enabled", "true");
        values.put("sparkplug.mapping.file", file.toString());

        assertThatThrownBy(() -> IngestConfig.fromMap(values)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mapping file '" + file + "', key 'metrics.state.value': is not a known key");
    }

    @Test
    void aPrimaryHostNeedsSubscribeMode() {
        Map<String, String> values = subscribe();
        values.put("ingest.mode", "listen");
        values.put("ingest.listen.anonymous", "true");
        values.put("sparkplug.enabled", "true");
        values.put("sparkplug.mapping.file", EXAMPLE);
        values.put("sparkplug.primary.host", "true");

        assertThatThrownBy(() -> IngestConfig.fromMap(values)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'sparkplug.primary.host': needs subscribe mode");
    }

    @Test
    void theTopicFilterMustBeSparkplug() {
        Map<String, String> values = subscribe();
        values.put("sparkplug.topic.filter", "factory/#");

        assertThatThrownBy(() -> IngestConfig.fromMap(values)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'sparkplug.topic.filter'");
    }
}
