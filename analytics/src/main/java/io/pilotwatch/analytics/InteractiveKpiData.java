package io.pilotwatch.analytics;

import io.pilotwatch.analytics.store.KpiData;
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
        return new StoreKpiData(store(streams, StoreNames.PLANTS), store(streams, StoreNames.DAYS),
                store(streams, StoreNames.SKETCHES), store(streams, StoreNames.STATIONS),
                store(streams, StoreNames.BASELINES));
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
