package io.pilotwatch.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.testkit.Promtool;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {

    @Test
    void exportsHeapGcAndCpuAndPassesPromtool() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (JvmMetrics ignored = JvmMetrics.bindTo(registry)) {
            String exposition = registry.scrape();

            assertThat(exposition).contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_memory_max_bytes",
                    "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds");
            assertThat(exposition).doesNotContain("process_cpu_time_ns_total", "system_cpu_count");
            assertThat(Promtool.checkMetrics(exposition)).as("promtool check metrics findings").isEmpty();
        }
    }
}
