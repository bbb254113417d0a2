package io.pilotwatch.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-behind store under {@link TopologyTestDriver} (which commits after every input record, through the
 * same {@code prepareCommit} path as a stream thread): values changed in place reach the changelog at the
 * commit, scans see uncommitted values, and an evicted value is not lost.
 */
class ObjectCacheStoreTest {

    private static final String STORE = "counts";
    private static final String CHANGELOG = "test-app-" + STORE + "-changelog";

    @TempDir
    Path stateDir;

    /** A mutable value, changed in place as the analytics' totals are. */
    static final class Counter {
        long n;
    }

    @Test
    void everyCommitWritesTheValuesChangedInPlaceToTheChangelog() {
        try (TopologyTestDriver driver = driver(ObjectCacheStore.resident())) {
            TestInputTopic<String, String> in = input(driver);
            TestOutputTopic<String, Long> changelog = driver.createOutputTopic(CHANGELOG, new StringDeserializer(),
                    (topic, bytes) -> ByteBuffer.wrap(bytes).getLong());

            in.pipeInput("a", "a");
            in.pipeInput("a", "a");
            in.pipeInput("b", "b");

            assertThat(changelog.readKeyValuesToList()).containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("a", 2L),
                    KeyValue.pair("b", 1L));
        }
    }

    @Test
    void aScanSeesValuesNotCommittedYet() {
        try (TopologyTestDriver driver = driver(ObjectCacheStore.resident())) {
            TestInputTopic<String, String> in = input(driver);
            in.pipeInput("a", "a");
            in.pipeInput("b", "b scan");

            assertThat(scans).containsExactly("a=1,b=1");
        }
    }

    @Test
    void aRecentlyUsedStoreWritesAChangedValueDownWhenItLeavesAndReadsItBack() {
        try (TopologyTestDriver driver = driver(ObjectCacheStore.recentlyUsed(1))) {
            TestInputTopic<String, String> in = input(driver);
            // Within one record: a changes, b pushes it out of the cache, then a is changed again.
            in.pipeInput("a", "a b a scan");

            assertThat(scans).containsExactly("a=2,b=1");
        }
    }

    @Test
    void deletesFromARangeOfAResidentStoreRemoveCommittedAndUncommittedValuesWithTombstones() {
        assertRangeDelete(ObjectCacheStore.resident());
    }

    @Test
    void deletesFromARangeOfARecentlyUsedStoreRemoveCommittedAndUncommittedValuesWithTombstones() {
        assertRangeDelete(ObjectCacheStore.recentlyUsed(1));
    }

    @Test
    void aScanOfARecentlyUsedStoreWritesDownOnlyTheDirtyValuesInItsRange() {
        try (TopologyTestDriver driver = driver(ObjectCacheStore.recentlyUsed(10))) {
            TestInputTopic<String, String> in = input(driver);
            TestOutputTopic<String, Long> changelog = changelog(driver);

            // x is changed before and after a scan of a to c: written once, at the commit.
            in.pipeInput("x", "x b delete x");

            assertThat(changelog.readKeyValuesToList()).containsExactly(KeyValue.pair("b", 1L), KeyValue.pair("b", null),
                    KeyValue.pair("x", 2L));
        }
    }

    private void assertRangeDelete(ObjectCacheStore.Residency residency) {
        try (TopologyTestDriver driver = driver(residency)) {
            TestInputTopic<String, String> in = input(driver);
            TestOutputTopic<String, Long> changelog = changelog(driver);
            in.pipeInput("a", "a b d");
            assertThat(changelog.readKeyValuesToList()).containsExactlyInAnyOrder(KeyValue.pair("a", 1L),
                    KeyValue.pair("b", 1L), KeyValue.pair("d", 1L));

            // c is not committed yet when a to c are deleted (a recently-used store writes it down for the scan).
            in.pipeInput("c", "c delete scan");

            assertThat(scans).containsExactly("d=1");
            assertThat(changelog.readKeyValuesToList()).endsWith(KeyValue.pair("a", null), KeyValue.pair("b", null),
                    KeyValue.pair("c", null));
        }
    }

    private final List<String> scans = new ArrayList<>();

    private TopologyTestDriver driver(ObjectCacheStore.Residency residency) {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("count", () -> new Counting(scans), "in");
        topology.addStateStore(new ObjectCacheStoreBuilder<>(STORE, new CounterSerde(), residency), "count");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return new TopologyTestDriver(topology, props);
    }

    private static TestOutputTopic<String, Long> changelog(TopologyTestDriver driver) {
        return driver.createOutputTopic(CHANGELOG, new StringDeserializer(),
                (topic, bytes) -> bytes == null ? null : ByteBuffer.wrap(bytes).getLong());
    }

    private static TestInputTopic<String, String> input(TopologyTestDriver driver) {
        return driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
    }

    /** The value is a script: {@code x} counts key x, {@code scan} lists every count, {@code delete} a to c. */
    private static final class Counting implements Processor<String, String, Void, Void> {
        private final List<String> scans;
        private KeyValueStore<String, Counter> store;

        Counting(List<String> scans) {
            this.scans = scans;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            for (String step : record.value().split(" ")) {
                if (step.equals("scan")) {
                    scan();
                } else if (step.equals("delete")) {
                    delete();
                } else {
                    count(step);
                }
            }
        }

        private void count(String key) {
            Counter counter = store.get(key);
            if (counter == null) {
                counter = new Counter();
            }
            counter.n++;
            store.put(key, counter);
        }

        /** As the deduplicator expires days: the keys of a range, then each deleted. */
        private void delete() {
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, Counter> range = store.range("a", "c")) {
                range.forEachRemaining(entry -> keys.add(entry.key));
            }
            keys.forEach(store::delete);
        }

        private void scan() {
            List<String> seen = new ArrayList<>();
            try (KeyValueIterator<String, Counter> all = store.range("a", "z")) {
                all.forEachRemaining(entry -> seen.add(entry.key + "=" + entry.value.n));
            }
            scans.add(String.join(",", seen));
        }
    }

    private static final class CounterSerde implements Serde<Counter> {
        @Override
        public Serializer<Counter> serializer() {
            return (topic, counter) -> ByteBuffer.allocate(8).putLong(counter.n).array();
        }

        @Override
        public Deserializer<Counter> deserializer() {
            return (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                Counter counter = new Counter();
                counter.n = ByteBuffer.wrap(bytes).getLong();
                return counter;
            };
        }
    }

}
