package io.pilotwatch.ingest.sparkplug;

import java.time.Instant;
import java.util.Optional;

/**
 * One metric of a Sparkplug message with its alias resolved to the name from BIRTH.
 *
 * @param name       the metric name
 * @param value      the decoded value (Tahu's Java type for the BIRTH datatype); empty for a null metric
 * @param timestamp  the metric's own timestamp, else the payload's, else the receipt time
 * @param historical whether the edge node flagged it {@code is_historical} (store and forward)
 */
record ResolvedMetric(String name, Optional<Object> value, Instant timestamp, boolean historical) {
}
