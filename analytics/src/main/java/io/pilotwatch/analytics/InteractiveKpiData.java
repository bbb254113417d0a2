package io.pilotwatch.analytics;

import io.pilotwatch.analytics.store.KpiData;
import io.pilotwatch.analytics.store.ObjectCacheStore;
import io.pilotwatch.analytics.store.StoreKpiData;
import io.pilotwatch.analytics.store.StoreNames;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link KpiData} over the stores of this instance's active tasks: with several instances each sees, and
 * exports, only the plants whose partitions it holds now.
 */
final class InteractiveKpiData {

    private InteractiveKpiData() {
    }

    /** @throws org.apache.kafka.streams.errors.InvalidStateStoreException while stores are not queryable */
    static KpiData of(KafkaStreams streams) {
        return new StoreKpiData(committed(streams, StoreNames.PLANTS), committed(streams, StoreNames.DAYS),
                committed(streams, StoreNames.SKETCHES), committed(streams, StoreNames.STATIONS),
                store(streams, StoreNames.BASELINES));
    }

    /** The state as of the last commit: the stream thread's own objects are never read from here. */
    private static <V> ReadOnlyKeyValueStore<String, V> committed(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, ObjectCacheStore.<V>queryableType()));
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
