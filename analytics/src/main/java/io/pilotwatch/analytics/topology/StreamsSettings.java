package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.store.BoundedRocksDbConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams properties of the service: defaults first, then {@code kafka.streams.*} overrides. */
public final class StreamsSettings {

    /** The restore consumer's {@code fetch.max.wait.ms}: how long a task can wait to start restoring. */
    static final int RESTORE_FETCH_MAX_WAIT_MS = 50;

    private StreamsSettings() {
    }

    public static Properties of(AnalyticsConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.streams().applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.streams().stateDir().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.streams().guarantee().streamsValue());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        // A new application reads the telemetry history from the start: baselines are learned from 2015.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // All RocksDB stores share one bounded cache and write buffer budget (docs/operations.md, "Memory").
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
        props.put(BoundedRocksDbConfig.BLOCK_CACHE_BYTES, Long.toString(config.streams().rocksDb().blockCacheBytes()));
        props.put(BoundedRocksDbConfig.WRITE_BUFFER_BYTES,
                Long.toString(config.streams().rocksDb().writeBufferBytes()));
        // Each task reads its input partition and the (usually empty) repartition partition. At the default 0,
        // Kafka Streams 4.4 checks the empty one before every record and formats log text for it (about 10% of the
        // stream thread). Nothing here depends on the order between the two partitions (a line's records take one
        // path unless its producer's partitioning changes; lateness is judged per line's clock, with the grace),
        // and 0 would only wait for repartitioned records already on the broker: -1 never waits.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1");
        // The state updater restores one task after another with one consumer; at the consumer's default 500 ms,
        // each task added while a fetch of caught-up (or empty) changelogs waits at the broker waited for it: about
        // 0.5 s per task at every start. Restoring with data to read does not wait for this at all.
        props.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
                Integer.toString(RESTORE_FETCH_MAX_WAIT_MS));
        props.putAll(config.streams().overrides());
        return props;
    }
}
