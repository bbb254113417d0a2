package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.kpi.PlantRecord;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the figures rest on: events used, and those not used with why.
 *
 * @param late       events after their month's grace on their line's clock, by kind: counted, in no KPI
 * @param lineClocks the latest event time of each line
 * @param rejected records sent to the DLQ, by reason
 */
public record Completeness(long accepted, Map<String, Long> acceptedByKind, long duplicates, Map<String, Long> late,
                           Map<String, Long> rejected, Instant firstEvent, Instant clock, Map<String, Instant> lineClocks) {

    public static Completeness of(PlantRecord record) {
        Map<String, Instant> lineClocks = new TreeMap<>();
        record.lineClocks().forEach((line, millis) -> lineClocks.put(line, Instant.ofEpochMilli(millis)));
        return new Completeness(record.acceptedTotal(), record.accepted(), record.duplicates(), record.late(),
                record.rejected(), Instant.ofEpochMilli(record.firstEventMillis()),
                Instant.ofEpochMilli(record.clockMillis()), lineClocks);
    }

    public long lateTotal() {
        return late.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
