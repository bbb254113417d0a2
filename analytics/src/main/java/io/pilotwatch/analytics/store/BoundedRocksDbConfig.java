package io.pilotwatch.analytics.store;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the off-heap memory of every RocksDB store of this JVM, as Kafka Streams' memory-management guide shows
 * ("BoundedMemoryRocksDBConfig"): one LRU block cache and one {@link WriteBufferManager} shared by all stores,
 * the memtables charged to that cache and index and filter blocks kept in it. Without it each store of each task
 * opens its own 50 MB block cache and up to 3 x 16 MB of memtables, and the analytics has 6 stores per task (all
 * RocksDB, five of them under {@link ObjectCacheStore}s): 12 partitions on one instance make 72 stores, up to 7 GB.
 *
 * <p>Kafka Streams builds one instance of this class per store and hands it the application's configuration,
 * which carries the two sizes ({@link #BLOCK_CACHE_BYTES}, {@link #WRITE_BUFFER_BYTES}, set by
 * {@code StreamsSettings} from {@code analytics.rocksdb.*}). The shared objects are created by the first store
 * and live as long as the JVM: one analytics service per JVM. A later application in the same JVM asking for
 * other sizes gets the first ones, and a warning.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /** Capacity of the shared cache for data blocks, in bytes (the write buffers come on top). */
    public static final String BLOCK_CACHE_BYTES = "pilotwatch.rocksdb.block.cache.bytes";
    /** Memtables of all stores together, in bytes, charged to the shared cache. */
    public static final String WRITE_BUFFER_BYTES = "pilotwatch.rocksdb.write.buffer.bytes";
    /** Used when the configuration does not say (the setter named through {@code kafka.streams.*} by hand). */
    static final long DEFAULT_BLOCK_CACHE_BYTES = 64L << 20;
    static final long DEFAULT_WRITE_BUFFER_BYTES = 32L << 20;
    /** Share of the cache kept for index and filter blocks, so data blocks cannot evict them. */
    static final double INDEX_FILTER_RATIO = 0.1;
    /** Kafka Streams' own memtable size: a store flushes at this size, or earlier when the manager asks. */
    private static final long MEMTABLE_BYTES = 16L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(BoundedRocksDbConfig.class);
    private static Shared shared;

    /** The cache and manager every store uses, with the sizes they were made for. */
    record Shared(long blockCacheBytes, long writeBufferBytes, Cache cache, WriteBufferManager writeBuffers) {

        long boundBytes() {
            return blockCacheBytes + writeBufferBytes;
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(bytes(configs, BLOCK_CACHE_BYTES, DEFAULT_BLOCK_CACHE_BYTES),
                bytes(configs, WRITE_BUFFER_BYTES, DEFAULT_WRITE_BUFFER_BYTES));
        // Kafka Streams' table config carries its Bloom filter and block size: change it, do not replace it.
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        // One memtable filling while one flushes; a small budget makes each store's memtables smaller.
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(Math.min(MEMTABLE_BYTES, Math.max(1L << 20, memory.writeBufferBytes() / 4)));
        options.setTableFormatConfig(table);
    }

    /**
     * Nothing of a store's own to close: every object set above is shared. The cache and the manager stay open
     * for the next store (a rebalance closes and reopens stores); Kafka Streams' guide closes them nowhere. A
     * store's native options keep their own reference to both, so they are never freed under an open store.
     */
    @Override
    public void close(String storeName, Options options) {
    }

    static synchronized Shared shared(long blockCacheBytes, long writeBufferBytes) {
        if (shared == null) {
            RocksDB.loadLibrary();  // idempotent; a cache made before any Options would otherwise find no library
            // Not strict: a read that would overflow the cache still succeeds (Kafka Streams cannot handle a
            // failed read); the bound holds within a block or two.
            Cache cache = new LRUCache(blockCacheBytes + writeBufferBytes, -1, false, INDEX_FILTER_RATIO);
            shared = new Shared(blockCacheBytes, writeBufferBytes, cache, new WriteBufferManager(writeBufferBytes,
                    cache));
            LOG.info("RocksDB memory of all stores bounded to {} MiB: block cache {} MiB, write buffers {} MiB",
                    shared.boundBytes() >> 20, blockCacheBytes >> 20, writeBufferBytes >> 20);
        } else if (shared.blockCacheBytes() != blockCacheBytes || shared.writeBufferBytes() != writeBufferBytes) {
            LOG.warn("RocksDB block cache {} MiB and write buffers {} MiB asked for, but this JVM's stores already "
                            + "share {} MiB and {} MiB (sized by the first application): keeping those",
                    blockCacheBytes >> 20, writeBufferBytes >> 20, shared.blockCacheBytes() >> 20,
                    shared.writeBufferBytes() >> 20);
        }
        return shared;
    }

    private static long bytes(Map<String, Object> configs, String key, long defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of bytes, got '" + value + "'", e);
        }
    }
}
