package io.pilotwatch.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.store.JsonSerde;
import io.pilotwatch.telemetry.Kind;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The watermark comes from an ordered index kept beside the line clocks; it must equal the definition (the
 * earliest clock of the lines seen within the idle timeout, else the earliest of all), computed here by a scan
 * as the reference, through lines falling idle and waking up, the wall clock going back, other timeouts and
 * store round trips (which drop the index). Checked against a broken version that did not drop lines gone idle
 * from the index: the test failed (at event 27).
 */
class PlantRecordWatermarkTest {

    private static final JsonSerde<PlantRecord> SERDE = new JsonSerde<>(PlantRecord.class);

    @Test
    void equalsTheEarliestClockOfTheLiveLinesThroughIdlingRestartsAndClockSteps() {
        SplittableRandom random = new SplittableRandom(18);
        PlantRecord record = new PlantRecord();
        Map<String, Long> clocks = new HashMap<>();
        Map<String, Long> seenAt = new HashMap<>();
        long now = 1_000_000;
        long eventTime = 1_700_000_000_000L;
        assertThat(record.watermarkMillis(now, Duration.ofSeconds(30))).isEqualTo(Long.MIN_VALUE);
        for (int i = 0; i < 20_000; i++) {
            // Lines 0-3 send often, 4-7 rarely (so they fall idle and wake up); event times wander per line.
            String line = "line-" + (random.nextInt(10) < 8 ? random.nextInt(4) : 4 + random.nextInt(4));
            long time = eventTime + random.nextLong(-60_000, 600_000);
            now += random.nextInt(100) == 0 ? -5_000 : random.nextLong(0, 2_000); // sometimes back
            eventTime += 1_000;
            record.accept(Kind.UNIT, line, time, now);
            clocks.merge(line, time, Math::max);
            seenAt.put(line, now);
            Duration idle = Duration.ofSeconds(random.nextInt(50) == 0 ? 5 : 30);
            long askedAt = now + random.nextLong(0, 40_000);
            assertThat(record.watermarkMillis(askedAt, idle)).as("event %d", i)
                    .isEqualTo(reference(clocks, seenAt, askedAt, idle));
            if (random.nextInt(500) == 0) { // a restart: the record comes back from the store without its index
                record = SERDE.deserializer().deserialize(null, SERDE.serializer().serialize(null, record));
            }
        }
    }

    private static long reference(Map<String, Long> clocks, Map<String, Long> seenAt, long now, Duration idle) {
        long live = clocks.entrySet().stream()
                .filter(e -> now - seenAt.get(e.getKey()) <= idle.toMillis())
                .mapToLong(Map.Entry::getValue).min().orElse(Long.MAX_VALUE);
        return live != Long.MAX_VALUE ? live : clocks.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    }
}
