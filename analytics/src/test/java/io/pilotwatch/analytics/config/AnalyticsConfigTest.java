package io.pilotwatch.analytics.config;

import io.pilotwatch.support.config.ConfigSource;
import io.pilotwatch.support.config.ConfigException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsConfigTest {

    @Test
    void defaultsNeedOnlyTheBootstrapServers() {
        AnalyticsConfig config = AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092"));

        assertThat(config.streams().guarantee()).isEqualTo(AnalyticsConfig.Guarantee.EXACTLY_ONCE_V2);
        assertThat(config.streams().applicationId()).isEqualTo("pilotwatch-analytics");
        assertThat(config.kafka().kpiTopic()).isEqualTo("factory.kpi.v1");
        assertThat(config.kafka().baselinesTopic()).isEqualTo("factory.baselines.v1");
        assertThat(config.processing().grace()).isEqualTo(Duration.ofHours(48));
        assertThat(config.httpPort()).isEqualTo(8081);
        assertThat(config.targets().source()).isEqualTo("classpath:policy-targets.yaml");
    }

    @Test
    void theServicesOwnKafkaClientsTakeStreamsConnectionSecurity() {
        AnalyticsConfig config = AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9093",
                "kafka.streams.security.protocol", "SASL_SSL", "kafka.streams.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.streams.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "kafka.streams.ssl.truststore.type", "PEM", "kafka.streams.num.stream.threads", "2"));

        assertThat(config.streams().clientSecurity()).containsOnlyKeys("security.protocol", "sasl.mechanism",
                "sasl.jaas.config", "ssl.truststore.type").containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void rocksDbMemoryIsSizedInMebibytesAndABadSizeNamesItsKey() {
        AnalyticsConfig defaults = AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092"));
        AnalyticsConfig sized = AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092",
                "analytics.rocksdb.block.cache.mb", "256", "analytics.rocksdb.write.buffer.mb", "64"));

        assertThat(defaults.streams().rocksDb()).isEqualTo(new AnalyticsConfig.RocksDbMemory(64, 32));
        assertThat(sized.streams().rocksDb().blockCacheBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(sized.streams().rocksDb().writeBufferBytes()).isEqualTo(64L * 1024 * 1024);
        assertThatThrownBy(() -> AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092",
                "analytics.rocksdb.write.buffer.mb", "0"))).hasMessageContaining("analytics.rocksdb.write.buffer.mb");
        assertThatThrownBy(() -> AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092",
                "analytics.rocksdb.block.cache.mb", "64MB"))).hasMessageContaining("analytics.rocksdb.block.cache.mb");
    }

    @Test
    void advertisedAddressIsCheckedAndDefaultsToTheBoundHostAndPort() {
        AnalyticsConfig bound = AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092",
                "http.host", "10.1.2.3"));
        AnalyticsConfig advertised = AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092",
                "http.advertised.address", "analytics-0.analytics-headless:8081"));

        assertThat(bound.advertisedAddress(40000).host()).isEqualTo("10.1.2.3");
        assertThat(bound.advertisedAddress(40000).port()).isEqualTo(40000);
        assertThat(advertised.advertisedAddress(40000).host()).isEqualTo("analytics-0.analytics-headless");
        assertThat(advertised.advertisedAddress(40000).port()).isEqualTo(8081);
        assertThatThrownBy(() -> AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092",
                "http.advertised.address", "http://x:99999"))).hasMessageContaining("http.advertised.address");
    }

    @Test
    void environmentOverridesTheFileAndStreamsSettingsPassThrough(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("analytics.properties"),
                "kafka.bootstrap.servers=file:9092\nhttp.port=9000\nkafka.streams.num.stream.threads=2\n");
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "KAFKA_STREAMS_COMMIT_INTERVAL_MS", "50");

        AnalyticsConfig config = AnalyticsConfig.fromMap(AnalyticsConfig.load(file, env));

        assertThat(config.kafka().bootstrapServers()).isEqualTo("env:9092");
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.streams().overrides()).containsEntry("num.stream.threads", "2")
                .containsEntry("commit.interval.ms", "50");
    }

    @Test
    void unknownKeyAndBadValueFailNamingTheKey() {
        Map<String, String> typo = new HashMap<>(Map.of("kafka.bootstrap.servers", "k:9092", "analytics.grace.hour", "3"));
        Map<String, String> guarantee = Map.of("kafka.bootstrap.servers", "k:9092",
                "analytics.processing.guarantee", "exactly_once");

        assertThatThrownBy(() -> AnalyticsConfig.fromMap(typo)).isInstanceOf(ConfigException.class)
                .hasMessage("configuration key 'analytics.grace.hour': is not a known key (see docs/configuration.md)");
        assertThatThrownBy(() -> AnalyticsConfig.fromMap(guarantee))
                .hasMessageContaining("'analytics.processing.guarantee': must be one of exactly_once_v2|at_least_once");
    }

    @Test
    void dedupRetentionShorterThanAMonthPlusTheGraceIsRefused() {
        Map<String, String> values = Map.of("kafka.bootstrap.servers", "k:9092", "analytics.grace.hours", "72",
                "analytics.dedup.retention.days", "30");

        assertThatThrownBy(() -> AnalyticsConfig.fromMap(values))
                .hasMessageContaining("'analytics.dedup.retention.days': must be at least 35");
    }

    @Test
    void trendHorizonDefaultsToAYearAndAZeroHorizonIsRefusedNamingTheKey() {
        assertThat(AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092")).verdicts().trendHorizonMonths())
                .isEqualTo(12);
        Map<String, String> zero = Map.of("kafka.bootstrap.servers", "k:9092", "analytics.trend.horizon.months", "0");

        assertThatThrownBy(() -> AnalyticsConfig.fromMap(zero))
                .hasMessageContaining("'analytics.trend.horizon.months': must be from 1 to 240, got 0");
    }

    @Test
    void missingTargetsFileIsNamed() {
        Map<String, String> values = Map.of("kafka.bootstrap.servers", "k:9092",
                "analytics.targets.file", "/nowhere/targets.yaml");

        assertThatThrownBy(() -> AnalyticsConfig.fromMap(values))
                .hasMessageContaining("'analytics.targets.file': file '/nowhere/targets.yaml' does not exist");
    }

    @Test
    void grafanaLinksAreOffByDefaultAndTheUrlLosesItsTrailingSlash() {
        AnalyticsConfig none = AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092"));
        AnalyticsConfig grafana = AnalyticsConfig.fromMap(AnalyticsConfig.load(null, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "k:9092", "GRAFANA_URL", "https://ops.example.org/grafana/")));

        assertThat(none.web().grafanaUrl()).isEmpty();
        assertThat(none.web().refreshSeconds()).isEqualTo(10);
        assertThat(grafana.web().grafanaUrl()).hasValue("https://ops.example.org/grafana");
    }

    @Test
    void grafanaUrlThatIsNotAnHttpUrlIsRefusedNamingTheKey() {
        for (String bad : new String[] {"grafana:3000", "javascript:alert(1)", "http://g:3000/?orgId=1", "http://"}) {
            assertThatThrownBy(() -> AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092",
                    "grafana.url", bad))).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("'grafana.url': must be");
        }
    }
}
