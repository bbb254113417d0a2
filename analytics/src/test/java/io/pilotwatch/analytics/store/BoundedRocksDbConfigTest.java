package io.pilotwatch.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.topology.StreamsSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The setter with the real RocksDB classes, given the configuration the service gives Kafka Streams. The shared
 * objects live for the JVM: whichever test (or topology test) opened a store first sized them, with the defaults.
 */
class BoundedRocksDbConfigTest {

    private static final Map<String, Object> SERVICE_CONFIG = serviceConfig();

    @Test
    void theServiceRegistersTheSetterWithItsConfiguredSizes() {
        AnalyticsConfig config = AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092",
                "analytics.rocksdb.block.cache.mb", "128", "analytics.rocksdb.write.buffer.mb", "48"));

        var props = StreamsSettings.of(config);

        assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
                .isEqualTo(BoundedRocksDbConfig.class.getName());
        assertThat(props.get(BoundedRocksDbConfig.BLOCK_CACHE_BYTES)).isEqualTo(Long.toString(128L * 1024 * 1024));
        assertThat(props.get(BoundedRocksDbConfig.WRITE_BUFFER_BYTES)).isEqualTo(Long.toString(48L * 1024 * 1024));
    }

    @Test
    void everyStoreGetsTheSameCacheAndWriteBufferManager() {
        try (Options days = storeOptions(); Options sketches = storeOptions()) {
            new BoundedRocksDbConfig().setConfig(StoreNames.DAYS, days, SERVICE_CONFIG);
            new BoundedRocksDbConfig().setConfig(StoreNames.SKETCHES, sketches, SERVICE_CONFIG);

            BoundedRocksDbConfig.Shared shared = BoundedRocksDbConfig.shared(64L << 20, 32L << 20);
            for (Options options : new Options[] {days, sketches}) {
                var table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
                assertThat(table.blockCache()).isSameAs(shared.cache());
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
                assertThat(options.writeBufferManager()).isSameAs(shared.writeBuffers());
                // 32 MiB of write buffers: a quarter each, 2 per store (one filling while one flushes).
                assertThat(options.writeBufferSize()).isEqualTo(8L << 20);
                assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
            }
        }
    }

    /**
     * The memtables of two open databases count against the one shared cache, although nothing was read: the
     * write buffer manager charges them to it. Without {@code setWriteBufferManager} the cache stays empty (seen
     * failing with that line removed: 88 bytes used, against 6.3 MB of memtables).
     */
    @Test
    void memtablesOfAllStoresAreChargedToTheSharedCache(@TempDir Path dir) throws RocksDBException {
        BoundedRocksDbConfig.Shared shared = BoundedRocksDbConfig.shared(64L << 20, 32L << 20);
        long before = shared.cache().getUsage();
        try (Options first = storeOptions(); Options second = storeOptions();
             WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
            new BoundedRocksDbConfig().setConfig("first", first, SERVICE_CONFIG);
            new BoundedRocksDbConfig().setConfig("second", second, SERVICE_CONFIG);
            try (RocksDB a = RocksDB.open(first, dir.resolve("a").toString());
                 RocksDB b = RocksDB.open(second, dir.resolve("b").toString())) {
                fill(a, noWal);
                fill(b, noWal);
                long memtables = a.getLongProperty("rocksdb.cur-size-all-mem-tables")
                        + b.getLongProperty("rocksdb.cur-size-all-mem-tables");

                // 2 x 2 MiB of values: both memtables hold them (below the 8 MiB memtable size, no flush yet).
                assertThat(memtables).isGreaterThan(4L << 20);
                assertThat(shared.cache().getUsage() - before).isGreaterThanOrEqualTo(memtables);
            }
        }
    }

    @Test
    void aSizeThatIsNotANumberNamesItsKey() {
        Map<String, Object> bad = new HashMap<>(SERVICE_CONFIG);
        bad.put(BoundedRocksDbConfig.BLOCK_CACHE_BYTES, "64m");
        try (Options options = storeOptions()) {
            assertThatThrownBy(() -> new BoundedRocksDbConfig().setConfig("s", options, bad))
                    .hasMessageContaining(BoundedRocksDbConfig.BLOCK_CACHE_BYTES);
        }
    }

    /** As Kafka Streams' RocksDB store prepares them before it calls the setter. */
    private static Options storeOptions() {
        Options options = new Options().setCreateIfMissing(true);
        options.setTableFormatConfig(new BlockBasedTableConfigWithAccessibleCache());
        return options;
    }

    private static void fill(RocksDB db, WriteOptions options) throws RocksDBException {
        byte[] value = new byte[1024];
        for (int i = 0; i < 2048; i++) {
            db.put(options, ("key-" + i).getBytes(), value);
        }
    }

    private static Map<String, Object> serviceConfig() {
        Map<String, Object> configs = new HashMap<>();
        StreamsSettings.of(AnalyticsConfig.fromMap(Map.of("kafka.bootstrap.servers", "k:9092",
                "analytics.state.dir", Path.of("target").toAbsolutePath().toString())))
                .forEach((key, value) -> configs.put(key.toString(), value));
        return configs;
    }
}
