package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** What Kafka Streams makes of the service's settings, read back through its own config (so a mistyped key fails). */
class StreamsSettingsTest {

    @Test
    void onlyTheRestoreConsumerWaitsLessForAnEmptyFetch() {
        StreamsConfig streams = new StreamsConfig(StreamsSettings.of(config(Map.of())));
        assertThat(streams.getRestoreConsumerConfigs("restore").get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG))
                .hasToString("50");
        assertThat(streams.getMainConsumerConfigs("group", "main", 0))
                .doesNotContainKey(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
    }

    @Test
    void theRestoreWaitCanBeOverridden() {
        StreamsConfig streams = new StreamsConfig(StreamsSettings.of(
                config(Map.of("kafka.streams.restore.consumer.fetch.max.wait.ms", "500"))));
        assertThat(streams.getRestoreConsumerConfigs("restore").get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG))
                .hasToString("500");
    }

    private static AnalyticsConfig config(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.put("kafka.bootstrap.servers", "unused:9092");
        return AnalyticsConfig.fromMap(values);
    }
}
