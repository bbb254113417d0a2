package io.pilotwatch.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The process metrics every service exports next to its own ({@code jvm_memory_used_bytes},
 * {@code jvm_gc_pause_seconds}, {@code process_cpu_usage}, ...): what an operator checks first when a
 * service slows down, and what the overload tests and benchmarks read to show that memory stays bounded.
 */
public final class JvmMetrics implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    private JvmMetrics() {
    }

    /**
     * Binds the JVM and process binders to {@code registry}; close to stop listening for GC events. Two of
     * Micrometer's names break Prometheus' naming rules ({@code promtool check metrics}) and are left out:
     * {@code process_cpu_time_ns_total} (a unit abbreviation; {@code process_cpu_usage} says the same) and
     * {@code system_cpu_count} (a gauge ending in {@code _count}).
     */
    public static JvmMetrics bindTo(MeterRegistry registry) {
        registry.config().meterFilter(MeterFilter.deny(id ->
                id.getName().equals("process.cpu.time") || id.getName().equals("system.cpu.count")));
        JvmMetrics metrics = new JvmMetrics();
        new JvmMemoryMetrics().bindTo(registry);
        metrics.gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return metrics;
    }

    @Override
    public void close() {
        gc.close();
    }
}
