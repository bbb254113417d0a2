package io.pilotwatch.analytics.store;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Builds an {@link ObjectCacheStore} over a persistent, logged (RocksDB + changelog) key-value store. */
public final class ObjectCacheStoreBuilder<V> implements StoreBuilder<ObjectCacheStore<V>> {

    private final StoreBuilder<KeyValueStore<String, V>> logged;
    private final ObjectCacheStore.Residency residency;

    /** @param residency which values are kept deserialized; Kafka Streams' byte cache is not used under them */
    public ObjectCacheStoreBuilder(String name, Serde<V> values, ObjectCacheStore.Residency residency) {
        this.logged = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingDisabled();
        this.residency = residency;
    }

    @Override
    public StoreBuilder<ObjectCacheStore<V>> withCachingEnabled() {
        throw new UnsupportedOperationException("the object cache replaces Kafka Streams' record cache");
    }

    @Override
    public StoreBuilder<ObjectCacheStore<V>> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<ObjectCacheStore<V>> withLoggingEnabled(Map<String, String> config) {
        logged.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<ObjectCacheStore<V>> withLoggingDisabled() {
        throw new UnsupportedOperationException("an object cache flushes into a logged store; without a changelog "
                + "it would lose exactly-once");
    }

    @Override
    public ObjectCacheStore<V> build() {
        return new ObjectCacheStore<>(logged.build(), residency);
    }

    @Override
    public Map<String, String> logConfig() {
        return logged.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return logged.loggingEnabled();
    }

    @Override
    public String name() {
        return logged.name();
    }
}
