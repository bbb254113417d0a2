package io.pilotwatch.analytics.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the registry's series equal to a desired set: registers what is new, updates values, removes what
 * is gone. Plants move between instances on rebalance; removing their series here is what keeps a plant
 * from being exported twice or left stale on the instance that lost it.
 */
final class DynamicMeters {

    private final MeterRegistry registry;
    private final Map<String, String> descriptions;
    private final Map<Series, Registered> meters = new HashMap<>();

    private record Registered(Meter meter, AtomicReference<Double> value) {
    }

    DynamicMeters(MeterRegistry registry, Map<String, String> descriptions) {
        this.registry = registry;
        this.descriptions = descriptions;
    }

    synchronized void sync(Map<Series, Double> desired) {
        for (Iterator<Map.Entry<Series, Registered>> it = meters.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Series, Registered> entry = it.next();
            if (!desired.containsKey(entry.getKey())) {
                registry.remove(entry.getValue().meter());
                it.remove();
            }
        }
        desired.forEach((series, value) -> meters.computeIfAbsent(series, this::register).value().set(value));
    }

    private Registered register(Series series) {
        AtomicReference<Double> value = new AtomicReference<>(0.0);
        String description = descriptions.getOrDefault(series.name(), "");
        Meter meter = series.counter()
                ? FunctionCounter.builder(series.name(), value, AtomicReference::get).description(description)
                        .tags(series.tags()).register(registry)
                : Gauge.builder(series.name(), value, AtomicReference::get).description(description)
                        .tags(series.tags()).strongReference(true).register(registry);
        return new Registered(meter, value);
    }
}
