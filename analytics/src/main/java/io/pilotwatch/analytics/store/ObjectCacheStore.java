package io.pilotwatch.analytics.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A write-behind cache of <em>deserialized</em> values in front of a logged key-value store, for values that
 * change on almost every event (a plant's clock and counts, a line's day totals, its month's cycle sketch).
 * Kafka Streams' own record cache holds bytes, so every get deserializes and every put serializes the whole
 * value; here a value is read once, changed in place and written down (serialized, sent to the changelog)
 * once per commit.
 *
 * <p>Exactly-once: Kafka Streams flushes the caches of a task's stores before it flushes the producer and
 * commits the transaction ({@code StreamTask.prepareCommit} calls {@code flushCache} on every registered store).
 * This store is the registered (outermost) one, so its {@link #flushCache} writes every changed value into the
 * logged store first: the changelog in a transaction holds everything its input offsets account for. Values
 * changed since the last commit live only here; a crash loses them together with the uncommitted
 * transaction, and a dirty close (abort) drops them ({@link #close}, {@link #init}). This hooks into
 * {@link WrappedStateStore}, an internal class of Kafka Streams (4.4.0 here): the restart-equals-uninterrupted
 * integration test and {@code ObjectCacheStoreTest} guard it.
 *
 * <p>Callers that change a value must {@link #put} it (that marks it dirty). Two residencies:
 * <ul>
 *   <li>{@link #resident()}: every value of the task is held, sorted, loaded from the logged store on first use
 *       (after restoration); range scans are served from memory, nothing is deserialized again. For small values
 *       that are scanned (plants, day totals, stations).</li>
 *   <li>{@link #recentlyUsed(int)}: at most that many values (least recently used first out; a dirty one is
 *       written down as it leaves); range scans write the range's dirty values down and read the logged store.
 *       For large values read by key (month sketches), or many of which are rarely used (seen message ids).</li>
 * </ul>
 * Interactive queries must not read through this
 * store (it belongs to the stream thread): {@link #queryableType()} reads the logged store, i.e. the state as
 * of the last commit.
 */
public final class ObjectCacheStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {

    /** How many values a store keeps deserialized. */
    public record Residency(int maxEntries) {
        public Residency {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
            }
        }

        boolean all() {
            return maxEntries == Integer.MAX_VALUE;
        }
    }

    public static Residency resident() {
        return new Residency(Integer.MAX_VALUE);
    }

    public static Residency recentlyUsed(int maxEntries) {
        return new Residency(maxEntries);
    }

    private final boolean resident;
    private final Map<String, V> objects;
    private final Set<String> dirty = new HashSet<>();
    /** Resident only: whether the logged store's values have been read in. */
    private boolean loaded;

    ObjectCacheStore(KeyValueStore<String, V> logged, Residency residency) {
        super(logged);
        this.resident = residency.all();
        this.objects = resident ? new TreeMap<>() : lruMap(residency.maxEntries());
    }

    private Map<String, V> lruMap(int maxEntries) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                if (size() <= maxEntries) {
                    return false;
                }
                if (dirty.remove(eldest.getKey())) {
                    wrapped().put(eldest.getKey(), eldest.getValue());
                }
                return true;
            }
        };
    }

    /** The state as of the last commit, for interactive queries from other threads. */
    public ReadOnlyKeyValueStore<String, V> committed() {
        return wrapped();
    }

    @Override
    public V get(String key) {
        if (resident) {
            load();
            return objects.get(key);
        }
        V value = objects.get(key);
        if (value == null) {
            value = wrapped().get(key);
            if (value != null) {
                objects.put(key, value);
            }
        }
        return value;
    }

    @Override
    public void put(String key, V value) {
        if (value == null) {
            delete(key);
            return;
        }
        if (resident) {
            load();
        }
        objects.put(key, value);
        dirty.add(key);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V old = get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    /** Writes a tombstone to the changelog; a recently-used store does not read the value into its objects. */
    @Override
    public V delete(String key) {
        V cached = objects.remove(key);
        dirty.remove(key);
        V stored = wrapped().delete(key);
        return cached != null ? cached : stored;
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        if (resident) {
            return snapshot(sorted(from, to));
        }
        writeDirty(from, to);
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        if (resident) {
            return snapshot(sorted(from, to).descendingMap());
        }
        writeDirty(from, to);
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        if (resident) {
            load();
            return snapshot(objects);
        }
        writeDirty();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        if (resident) {
            load();
            return snapshot(((TreeMap<String, V>) objects).descendingMap());
        }
        writeDirty();
        return wrapped().reverseAll();
    }

    /** Both bounds inclusive, empty when {@code from > to} (as Kafka Streams' stores); null means open. */
    private NavigableMap<String, V> sorted(String from, String to) {
        load();
        TreeMap<String, V> all = (TreeMap<String, V>) objects;
        if (from != null && to != null && from.compareTo(to) > 0) {
            return new TreeMap<>();
        }
        NavigableMap<String, V> range = all;
        if (from != null) {
            range = range.tailMap(from, true);
        }
        if (to != null) {
            range = range.headMap(to, true);
        }
        return range;
    }

    private void load() {
        if (loaded) {
            return;
        }
        try (KeyValueIterator<String, V> stored = wrapped().all()) {
            stored.forEachRemaining(entry -> objects.putIfAbsent(entry.key, entry.value));
        }
        loaded = true;
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        writeDirty();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        if (resident) {
            load();
            return objects.size();
        }
        return wrapped().approximateNumEntries() + dirty.size();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        forget();
        super.init(context, root);
    }

    /** Before every commit: changed values go to the logged store, then its own cache is flushed. */
    @Override
    public void flushCache() {
        writeDirty();
        super.flushCache();
    }

    @Override
    public void flush() {
        writeDirty();
        super.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writeDirty();
        super.commit(changelogOffsets);
    }

    @Override
    public void clearCache() {
        forget();
        super.clearCache();
    }

    /** A clean close has committed (flushed) first; a dirty one must drop what was not committed. */
    @Override
    public void close() {
        forget();
        super.close();
    }

    private void writeDirty() {
        if (dirty.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(dirty);
        dirty.clear();
        for (String key : keys) {
            wrapped().put(key, objects.get(key));
        }
    }

    /** Writes down the dirty values in a range only (null bounds are open), those a scan of it reads. */
    private void writeDirty(String from, String to) {
        List<String> keys = dirty.stream().filter(key -> (from == null || key.compareTo(from) >= 0)
                && (to == null || key.compareTo(to) <= 0)).toList();
        for (String key : keys) {
            dirty.remove(key);
            wrapped().put(key, objects.get(key));
        }
    }

    private void forget() {
        objects.clear();
        dirty.clear();
        loaded = false;
    }

    /** A copy of the entries: callers may change the store while they iterate (Kafka's iterators allow it). */
    private static <V> KeyValueIterator<String, V> snapshot(Map<String, V> entries) {
        Iterator<KeyValue<String, V>> copy = entries.entrySet().stream()
                .map(entry -> KeyValue.pair(entry.getKey(), entry.getValue())).toList().iterator();
        return new KeyValueIterator<>() {
            private KeyValue<String, V> peeked;

            @Override
            public boolean hasNext() {
                return peeked != null || copy.hasNext();
            }

            @Override
            public KeyValue<String, V> next() {
                if (peeked != null) {
                    KeyValue<String, V> next = peeked;
                    peeked = null;
                    return next;
                }
                return copy.next();
            }

            @Override
            public String peekNextKey() {
                if (peeked == null) {
                    if (!copy.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    peeked = copy.next();
                }
                return peeked.key;
            }

            @Override
            public void close() {
            }
        };
    }

    /** For {@code KafkaStreams.store}: reads each task's committed state, never the stream thread's objects. */
    public static <V> org.apache.kafka.streams.state.QueryableStoreType<ReadOnlyKeyValueStore<String, V>> queryableType() {
        return new CommittedStoreType<>();
    }
}
