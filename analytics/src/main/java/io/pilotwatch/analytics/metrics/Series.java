package io.pilotwatch.analytics.metrics;

import io.micrometer.core.instrument.Tags;

/**
 * One time series to export: a metric name (Micrometer dotted form), whether it is a counter, and its tags.
 * Every series of one name must carry the same tag keys.
 */
record Series(String name, boolean counter, Tags tags) {

    static Series gauge(String name, String... tags) {
        return new Series(name, false, Tags.of(tags));
    }

    static Series counter(String name, String... tags) {
        return new Series(name, true, Tags.of(tags));
    }
}
