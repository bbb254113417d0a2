package io.pilotwatch.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CycleSketchTest {

    @Test
    void smallValuesGiveTheExactNearestRankPercentiles() {
        CycleSketch sketch = new CycleSketch();
        for (long value : new long[] {1, 2, 3, 4}) {
            sketch.record(value);
        }
        // Nearest rank: p50 of {1, 2, 3, 4} is rank ceil(2) = 2; p90 is rank ceil(3.6) = 4.
        assertThat(sketch.percentileMillis(50)).isEqualTo(2);
        assertThat(sketch.percentileMillis(90)).isEqualTo(4);
    }

    @Test
    void largeValuesAreWithinOneTwoThousandFortyEighthOfTheExactPercentile() {
        SplittableRandom random = new SplittableRandom(42);
        long[] cycles = new long[10_001];
        CycleSketch sketch = new CycleSketch();
        for (int i = 0; i < cycles.length; i++) {
            cycles[i] = 3_600_000 + random.nextLong(50_000_000);
            sketch.record(cycles[i]);
        }
        Arrays.sort(cycles);
        long exactP50 = cycles[(int) Math.ceil(0.5 * cycles.length) - 1];
        long exactP90 = cycles[(int) Math.ceil(0.9 * cycles.length) - 1];

        assertThat((double) Math.abs(sketch.percentileMillis(50) - exactP50)).isLessThanOrEqualTo(exactP50 / 2048.0);
        assertThat((double) Math.abs(sketch.percentileMillis(90) - exactP90)).isLessThanOrEqualTo(exactP90 / 2048.0);
    }

    @Test
    void mergedSketchesEqualOneSketchOfAllValuesAndSurviveSerialization() {
        CycleSketch a = new CycleSketch();
        CycleSketch b = new CycleSketch();
        CycleSketch all = new CycleSketch();
        for (long v = 1_000; v <= 100_000; v += 1_000) {
            (v % 2000 == 0 ? a : b).record(v);
            all.record(v);
        }

        CycleSketch merged = CycleSketch.fromBytes(a.toBytes()).merge(CycleSketch.fromBytes(b.toBytes()));

        assertThat(merged.count()).isEqualTo(100);
        assertThat(merged.percentileMillis(50)).isEqualTo(all.percentileMillis(50));
        assertThat(merged.percentileMillis(90)).isEqualTo(all.percentileMillis(90));
    }

    /**
     * Serialization reuses one buffer per thread: a small sketch written after a large one must carry only its
     * own cycles. Checked against a broken version that did not reset the buffer: it failed (the later
     * encodings ran past the end of the reused buffer).
     */
    @Test
    void aSketchWrittenAfterALargerOneCarriesOnlyItsOwnCycles() {
        CycleSketch large = new CycleSketch();
        for (long v = 1; v <= 5_000; v++) {
            large.record(v * 977);
        }
        CycleSketch small = new CycleSketch();
        small.record(40_000);
        small.record(60_000);

        byte[] largeBytes = large.toBytes();
        CycleSketch smallAgain = CycleSketch.fromBytes(small.toBytes());
        CycleSketch largeAgain = CycleSketch.fromBytes(largeBytes);

        assertThat(smallAgain.count()).isEqualTo(2);
        assertThat(smallAgain.percentileMillis(50)).isEqualTo(small.percentileMillis(50));
        assertThat(smallAgain.percentileMillis(100)).isEqualTo(small.percentileMillis(100));
        assertThat(largeAgain.count()).isEqualTo(5_000);
        assertThat(largeAgain.percentileMillis(90)).isEqualTo(large.percentileMillis(90));
    }

    @Test
    void recordedCopyMergesLikeTheSketchAndTakesMemoryOnlyForItsFilledBuckets() {
        SplittableRandom random = new SplittableRandom(7);
        CycleSketch month = new CycleSketch();
        for (int i = 0; i < 500; i++) {
            month.record(55_000 + random.nextLong(10_000));
        }
        month.record(900_000);
        CycleSketch other = new CycleSketch();
        other.record(61_000);

        CycleSketch.Recorded recorded = month.recorded();
        CycleSketch fromSketch = new CycleSketch().merge(other).merge(month);
        CycleSketch fromRecorded = new CycleSketch().merge(other).merge(recorded);

        assertThat(fromRecorded.count()).isEqualTo(502);
        for (int p = 1; p <= 100; p++) {
            assertThat(fromRecorded.percentileMillis(p)).as("p%d", p).isEqualTo(fromSketch.percentileMillis(p));
        }
        // 501 cycles in at most ~320 buckets of 32 ms and one more, where the sketch spans 0 to 900 s.
        assertThat(recorded.bytes()).isLessThan(6_000);
    }
}
