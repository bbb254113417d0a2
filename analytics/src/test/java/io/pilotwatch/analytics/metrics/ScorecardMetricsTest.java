package io.pilotwatch.analytics.metrics;

import io.pilotwatch.support.metrics.KafkaMetricFilter;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.analytics.ReferenceMonth;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.topology.TopologyHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardMetricsTest {

    @Test
    void plantSeriesAppearWithTheScorecardAndDisappearWhenThePlantLeavesThisInstance(@TempDir Path stateDir) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ScorecardMetrics metrics = new ScorecardMetrics(registry);
        PlantScorecard card;
        try (TopologyHarness harness = new TopologyHarness(stateDir, Map.of())) {
            ReferenceMonth.records().forEach(r -> harness.send(r.getKey(), r.getValue()));
            card = harness.scorecard(ReferenceMonth.PLANT);
        }

        metrics.update(List.of(card), Optional.empty());
        String scrape = registry.scrape();
        metrics.update(List.of(), Optional.empty());

        assertThat(scrape).contains("analytics_plant_kpi{kpi=\"defect_rate\",plant=\"hz-gearbox\",window=\"month\"} 0.3333")
                .contains("analytics_verdict{kpi=\"operating_cost\",milestone=\"2025\",plant=\"hz-gearbox\","
                        + "state=\"inconclusive\"} 1.0")
                .contains("analytics_events_accepted_total{kind=\"unit\",plant=\"hz-gearbox\"} 6.0")
                .contains("# HELP analytics_plant_kpi ");
        assertThat(registry.scrape()).doesNotContain("analytics_");
    }

    @Test
    void kafkaClientMetricsAreMadeAcceptableToPromtool() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new KafkaMetricFilter());
        Gauge.builder("kafka.consumer.io.time.ns.total", () -> 1).register(registry);
        Gauge.builder("kafka.producer.connection.count", () -> 2).register(registry);
        Gauge.builder("kafka.producer.request.latency.avg", () -> 3).register(registry);

        String scrape = registry.scrape();

        assertThat(scrape).doesNotContain("io_time")
                .contains("kafka_producer_connections 2.0")
                .contains("# HELP kafka_producer_request_latency_avg Kafka client metric");
    }
}
