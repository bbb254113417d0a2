package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.kpi.PlantCalendar;
import io.pilotwatch.analytics.store.ObjectCacheStore;
import io.pilotwatch.analytics.store.StoreKeys;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Removes duplicates by (plant, line, station, boot, seq), remembering ids for a bounded time. The ids a station
 * sent in one boot with {@code ts} on one plant-local day are a {@link SeqRanges} per block of {@link #BLOCK}
 * sequence numbers (a resend repeats the same bytes, so the same {@code ts}, day and block), held deserialized in
 * a write-behind {@link ObjectCacheStore}: an event is a binary search in memory, and each changed block is
 * written to the changelog once per commit, not each id. Days older than the retention on the plant's clock are
 * deleted as one range. The retention covers every event the grace still admits, so no duplicate of a usable
 * event gets through.
 *
 * <p>Memory: in-order ids take one range per block, about 200 bytes with its key and cache entry; each gap in
 * the sequence adds a range, so the worst case, every other id missing, is 512 ranges (8 KiB, about 1 KiB
 * serialized) per block. Blocks bound what one value and one changelog record can grow to; the store keeps
 * {@link #CACHED_BLOCKS} values per task deserialized, the rest in RocksDB.
 */
final class Deduplicator {

    /** Sequence numbers per value. */
    static final int BLOCK = 1024;
    /** Values a task keeps deserialized: the current block of several thousand stations. */
    static final int CACHED_BLOCKS = 8192;

    private final KeyValueStore<String, SeqRanges> store;
    private final Duration retention;
    /** Per station: the key of its last event's block, which the next events of the station mostly share. */
    private final Map<StationRef, BlockKey> lastKeys = new HashMap<>();

    private record StationRef(String plant, String line, String station) {
    }

    private record BlockKey(LocalDate day, long boot, long block, String key) {
        boolean holds(LocalDate otherDay, long otherBoot, long otherBlock) {
            return block == otherBlock && boot == otherBoot && day.equals(otherDay);
        }
    }

    /** @param store an {@link ObjectCacheStore} (as the processor context hands it out) */
    Deduplicator(KeyValueStore<String, SeqRanges> store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    /** Remembers the event's id; false when it was already there (a duplicate). */
    boolean firstTime(KpiEvent event, PlantCalendar calendar) {
        long seq = event.seq();
        String key = keyOf(event, calendar.dateOf(event.tsMillis()), seq / BLOCK);
        SeqRanges seen = store.get(key);
        if (seen == null) {
            seen = new SeqRanges();
        }
        if (!seen.add(seq)) {
            return false;
        }
        store.put(key, seen);
        return true;
    }

    private String keyOf(KpiEvent event, LocalDate day, long block) {
        StationRef station = new StationRef(event.plant(), event.line(), event.station());
        BlockKey last = lastKeys.get(station);
        if (last == null || !last.holds(day, event.boot(), block)) {
            last = new BlockKey(day, event.boot(), block,
                    StoreKeys.dedup(event.plant(), day, event.line(), event.station(), event.boot(), block));
            lastKeys.put(station, last);
        }
        return last.key();
    }

    /** Forgets the plant's ids of days before the retention, counted back from {@code today}. */
    void expire(String plant, LocalDate today) {
        LocalDate cutoff = today.minusDays(retention.toDays());
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, SeqRanges> range = store.range(StoreKeys.dedupStart(plant),
                StoreKeys.dedupBefore(plant, cutoff))) {
            range.forEachRemaining(entry -> expired.add(entry.key));
        }
        expired.forEach(store::delete);
    }
}
