package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.kpi.PlantCalendar;
import io.pilotwatch.analytics.store.ObjectCacheStore;
import io.pilotwatch.analytics.store.ObjectCacheStoreBuilder;
import io.pilotwatch.analytics.store.StoreKeys;
import io.pilotwatch.analytics.store.StoreNames;
import io.pilotwatch.telemetry.MachineState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deduplicator over its real store under {@link TopologyTestDriver}, which commits after every input record:
 * a record is a script of events ({@code station boot seq ts}, separated by {@code ;}) and {@code expire day}
 * steps; each event's outcome is recorded as {@code new} or {@code dup}.
 */
class DeduplicatorTest {

    private static final String PLANT = "hz-gearbox";
    private static final PlantCalendar CALENDAR = new PlantCalendar(ZoneId.of("Asia/Shanghai"));
    private static final Duration RETENTION = Duration.ofDays(40);
    private static final String CHANGELOG = "test-app-" + StoreNames.DEDUP + "-changelog";

    @TempDir
    Path stateDir;
    private final List<String> outcomes = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;
    private TestOutputTopic<String, SeqRanges> changelog;

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aRepeatedIdIsADuplicateInTheSameCommitAndInLaterOnes() {
        start(Deduplicator.CACHED_BLOCKS);
        in.pipeInput("eol 0 5 2025-03-03T08:00:00Z; eol 0 6 2025-03-03T08:00:01Z; eol 0 5 2025-03-03T08:00:00Z");
        in.pipeInput("eol 0 6 2025-03-03T08:00:01Z");
        in.pipeInput("eol 0 7 2025-03-03T08:00:02Z; eol 0 5 2025-03-03T08:00:00Z");

        assertThat(outcomes).containsExactly("new", "new", "dup", "dup", "new", "dup");
    }

    @Test
    void theSameSeqOfAnotherBootStationOrLineIsNotADuplicate() {
        start(Deduplicator.CACHED_BLOCKS);
        in.pipeInput("eol 0 5 2025-03-03T08:00:00Z");
        in.pipeInput("eol 1 5 2025-03-03T08:00:00Z; cnc 0 5 2025-03-03T08:00:00Z; l2:eol 0 5 2025-03-03T08:00:00Z");
        in.pipeInput("eol 1 5 2025-03-03T08:00:00Z; cnc 0 5 2025-03-03T08:00:00Z; l2:eol 0 5 2025-03-03T08:00:00Z");

        assertThat(outcomes).containsExactly("new", "new", "new", "new", "dup", "dup", "dup");
    }

    @Test
    void idsOfAdjacentBlocksAndDaysAreRememberedApart() {
        start(Deduplicator.CACHED_BLOCKS);
        long last = Deduplicator.BLOCK - 1;
        in.pipeInput("eol 0 " + last + " 2025-03-03T08:00:00Z; eol 0 " + (last + 1) + " 2025-03-03T08:00:00Z");
        // Ids are kept per plant-local day of ts: 23:59:59Z is the next morning in Shanghai, so the same day as
        // 2025-03-04T08:00Z (a resend repeats the ts, so it never crosses a day).
        in.pipeInput("eol 0 " + last + " 2025-03-04T08:00:00Z; eol 0 " + last + " 2025-03-03T23:59:59Z");
        in.pipeInput("eol 0 " + last + " 2025-03-03T08:00:00Z; eol 0 " + (last + 1) + " 2025-03-03T08:00:00Z");

        assertThat(outcomes).containsExactly("new", "new", "new", "dup", "dup", "dup");
    }

    @Test
    void eachCommitWritesEachChangedBlockOnceNotEachId() {
        start(Deduplicator.CACHED_BLOCKS);
        StringBuilder burst = new StringBuilder();
        for (int seq = 0; seq < 100; seq++) {
            burst.append("eol 0 ").append(seq).append(" 2025-03-03T08:00:00Z;");
        }
        in.pipeInput(burst.toString());
        in.pipeInput("eol 0 200 2025-03-03T08:00:00Z");

        String key = key("l1", "eol", 0, LocalDate.of(2025, 3, 3), 0);
        assertThat(changelog.readKeyValuesToList()).extracting(entry -> entry.key + "=" + entry.value)
                .containsExactly(key + "=[0-99]", key + "=[0-99, 200-200]");
    }

    @Test
    void blocksPushedOutOfTheCacheAreReadBackFromTheStore() {
        start(2);
        in.pipeInput("eol 0 1 2025-03-03T08:00:00Z; cnc 0 1 2025-03-03T08:00:00Z; vis 0 1 2025-03-03T08:00:00Z; "
                + "eol 0 2 2025-03-03T08:00:00Z; eol 0 1 2025-03-03T08:00:00Z");
        in.pipeInput("cnc 0 1 2025-03-03T08:00:00Z; vis 0 1 2025-03-03T08:00:00Z; eol 0 2 2025-03-03T08:00:00Z");

        assertThat(outcomes).containsExactly("new", "new", "new", "new", "dup", "dup", "dup", "dup");
    }

    @Test
    void daysBeforeTheRetentionAreForgottenWithTombstonesAndLaterDaysKept() {
        start(Deduplicator.CACHED_BLOCKS);
        in.pipeInput("eol 0 1 2025-01-01T08:00:00Z; eol 0 2 2025-01-02T08:00:00Z");
        // Day 2025-01-01 is still uncommitted here when it expires.
        in.pipeInput("eol 0 3 2025-01-01T09:00:00Z; expire 2025-02-11; eol 0 3 2025-01-01T09:00:00Z; "
                + "eol 0 2 2025-01-02T08:00:00Z");

        assertThat(outcomes).containsExactly("new", "new", "new", "new", "dup");
        String expired = key("l1", "eol", 0, LocalDate.of(2025, 1, 1), 0);
        List<KeyValue<String, SeqRanges>> written = changelog.readKeyValuesToList();
        assertThat(written).contains(KeyValue.pair(expired, null));
        assertThat(written.get(written.size() - 1)).isEqualTo(KeyValue.pair(expired, SeqRangesTest.ranges(3)));
    }

    @Test
    void expiryLeavesOtherPlantsAlone() {
        start(Deduplicator.CACHED_BLOCKS);
        in.pipeInput("eol 0 1 2025-01-01T08:00:00Z; other/eol 0 1 2025-01-01T08:00:00Z");
        in.pipeInput("expire 2025-03-01; eol 0 1 2025-01-01T08:00:00Z; other/eol 0 1 2025-01-01T08:00:00Z");

        assertThat(outcomes).containsExactly("new", "new", "new", "dup");
    }

    private static String key(String line, String station, long boot, LocalDate day, long block) {
        return StoreKeys.dedup(PLANT, day, line, station, boot, block);
    }

    private void start(int cachedBlocks) {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("dedup", () -> new Script(outcomes), "in");
        topology.addStateStore(new ObjectCacheStoreBuilder<>(StoreNames.DEDUP, new SeqRangesSerde(),
                ObjectCacheStore.recentlyUsed(cachedBlocks)), "dedup");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, props);
        in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
        changelog = driver.createOutputTopic(CHANGELOG, new StringDeserializer(), new SeqRangesSerde().deserializer());
    }

    /**
     * Runs a script: {@code [plant/][line:]station boot seq ts} is an event (plant {@value PLANT} and line l1
     * unless given), {@code expire day} forgets the plant's days before the retention counted back from day.
     */
    private static final class Script implements Processor<String, String, Void, Void> {
        private final List<String> outcomes;
        private Deduplicator deduplicator;

        Script(List<String> outcomes) {
            this.outcomes = outcomes;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            deduplicator = new Deduplicator(context.getStateStore(StoreNames.DEDUP), RETENTION);
        }

        @Override
        public void process(Record<String, String> record) {
            for (String step : record.value().split(";")) {
                String[] words = step.trim().split(" ");
                if (words[0].isEmpty()) {
                    continue;
                }
                if (words[0].equals("expire")) {
                    deduplicator.expire(PLANT, LocalDate.parse(words[1]));
                    continue;
                }
                String plant = words[0].contains("/") ? words[0].substring(0, words[0].indexOf('/')) : PLANT;
                String station = words[0].substring(words[0].indexOf('/') + 1);
                String line = station.contains(":") ? station.substring(0, station.indexOf(':')) : "l1";
                station = station.substring(station.indexOf(':') + 1);
                KpiEvent event = new KpiEvent(plant, line, station, Long.parseLong(words[2]), Long.parseLong(words[1]),
                        Instant.parse(words[3]).toEpochMilli(), new KpiEvent.State(MachineState.RUNNING));
                outcomes.add(deduplicator.firstTime(event, CALENDAR) ? "new" : "dup");
            }
        }
    }
}
