package io.pilotwatch.analytics.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * Interactive queries over the {@link ObjectCacheStore}s of this instance's tasks: each task's committed state,
 * as one read-only store (keys of different tasks never overlap: they start with the plant).
 */
final class CommittedStoreType<V> implements QueryableStoreType<ReadOnlyKeyValueStore<String, V>> {

    @Override
    public boolean accepts(StateStore store) {
        return store instanceof ObjectCacheStore;
    }

    @Override
    public ReadOnlyKeyValueStore<String, V> create(StateStoreProvider provider, String storeName) {
        return new Composite<>(() -> {
            List<ReadOnlyKeyValueStore<String, V>> committed = new ArrayList<>();
            for (ReadOnlyKeyValueStore<String, V> store : provider.stores(storeName, this)) {
                @SuppressWarnings("unchecked")
                ObjectCacheStore<V> cached = (ObjectCacheStore<V>) store;
                committed.add(cached.committed());
            }
            return committed;
        });
    }

    /** The stores are looked up on every call: tasks come and go with rebalances. */
    private record Composite<V>(java.util.function.Supplier<List<ReadOnlyKeyValueStore<String, V>>> stores)
            implements ReadOnlyKeyValueStore<String, V> {

        @Override
        public V get(String key) {
            for (ReadOnlyKeyValueStore<String, V> store : stores.get()) {
                V value = store.get(key);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        @Override
        public KeyValueIterator<String, V> range(String from, String to) {
            return new Concatenated<>(stores.get(), store -> store.range(from, to));
        }

        @Override
        public KeyValueIterator<String, V> all() {
            return new Concatenated<>(stores.get(), ReadOnlyKeyValueStore::all);
        }

        @Override
        public long approximateNumEntries() {
            return stores.get().stream().mapToLong(ReadOnlyKeyValueStore::approximateNumEntries).sum();
        }
    }

    /** One store's iterator after the other, each opened when the previous one is done and always closed. */
    private static final class Concatenated<V> implements KeyValueIterator<String, V> {

        private final Iterator<ReadOnlyKeyValueStore<String, V>> stores;
        private final Function<ReadOnlyKeyValueStore<String, V>, KeyValueIterator<String, V>> open;
        private KeyValueIterator<String, V> current;

        Concatenated(List<ReadOnlyKeyValueStore<String, V>> stores,
                     Function<ReadOnlyKeyValueStore<String, V>, KeyValueIterator<String, V>> open) {
            this.stores = stores.iterator();
            this.open = open;
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (!stores.hasNext()) {
                    return false;
                }
                current = open.apply(stores.next());
            }
            return true;
        }

        @Override
        public KeyValue<String, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        @Override
        public String peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.peekNextKey();
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
