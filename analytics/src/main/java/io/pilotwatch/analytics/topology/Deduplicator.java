package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.kpi.PlantCalendar;
import io.pilotwatch.analytics.store.StoreKeys;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Removes duplicates by (plant, line, station, boot, seq), remembering ids for a bounded time: keys carry
 * the plant-local day of {@code ts} (a resend repeats the same bytes, so the same {@code ts}), and days
 * older than the retention on the plant's clock are deleted as one range. The retention covers every event
 * the grace still admits, so no duplicate of a usable event gets through.
 */
final class Deduplicator {

    private static final byte[] SEEN = {1};

    private final KeyValueStore<String, byte[]> store;
    private final Duration retention;

    Deduplicator(KeyValueStore<String, byte[]> store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    /** Remembers the event's id; false when it was already there (a duplicate). */
    boolean firstTime(KpiEvent event, PlantCalendar calendar) {
        String key = StoreKeys.dedup(event.plant(), calendar.dateOf(event.tsMillis()), event.line(), event.station(),
                event.boot(), event.seq());
        if (store.get(key) != null) {
            return false;
        }
        store.put(key, SEEN);
        return true;
    }

    /** Forgets the plant's ids of days before the retention, counted back from {@code today}. */
    void expire(String plant, LocalDate today) {
        LocalDate cutoff = today.minusDays(retention.toDays());
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> range = store.range(StoreKeys.dedupStart(plant),
                StoreKeys.dedupBefore(plant, cutoff))) {
            range.forEachRemaining(entry -> expired.add(entry.key));
        }
        expired.forEach(store::delete);
    }
}
