package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SeqRangesTest {

    @Test
    void inOrderIdsMergeIntoOneRange() {
        SeqRanges seen = new SeqRanges();
        for (long seq = 0; seq < 1000; seq++) {
            assertThat(seen.add(seq)).isTrue();
        }
        assertThat(seen).hasToString("[0-999]");
    }

    @Test
    void anIdAlreadyThereIsNotAddedAgain() {
        SeqRanges seen = ranges(3, 4, 5);

        assertThat(seen.add(4)).isFalse();
        assertThat(seen.add(3)).isFalse();
        assertThat(seen.add(5)).isFalse();
        assertThat(seen).hasToString("[3-5]");
    }

    @Test
    void aGapStartsARangeAndFillingItMergesTheNeighbours() {
        SeqRanges seen = ranges(1, 2, 3, 5, 6, 9);
        assertThat(seen).hasToString("[1-3, 5-6, 9-9]");
        assertThat(seen.contains(4)).isFalse();
        assertThat(seen.contains(7)).isFalse();

        seen.add(4);
        assertThat(seen).hasToString("[1-6, 9-9]");
        seen.add(8);
        assertThat(seen).hasToString("[1-6, 8-9]");
    }

    @Test
    void anEarlierIdExtendsARangeDownwardsOrGoesBeforeIt() {
        SeqRanges seen = ranges(10, 20);
        seen.add(9);
        seen.add(19);
        seen.add(1);
        seen.add(15);

        assertThat(seen).hasToString("[1-1, 9-10, 15-15, 19-20]");
    }

    @Test
    void everyOtherIdMissingTakesARangeEachAndFillingThemLeavesOne() {
        SeqRanges seen = new SeqRanges();
        for (long seq = 1; seq < 2048; seq += 2) {
            seen.add(seq);
        }
        assertThat(seen.ranges()).isEqualTo(1024);
        assertThat(seen.contains(1001)).isTrue();
        assertThat(seen.contains(1000)).isFalse();

        for (long seq = 2; seq < 2048; seq += 2) {
            assertThat(seen.add(seq)).isTrue();
        }
        assertThat(seen).hasToString("[1-2047]");
    }

    @Test
    void outOfOrderIdsAreEachSeenOnceWhateverTheOrder() {
        List<Long> ids = new ArrayList<>(LongStream.range(0, 500).boxed().toList());
        Collections.shuffle(ids, new Random(42));
        SeqRanges seen = new SeqRanges();

        ids.forEach(seq -> assertThat(seen.add(seq)).as("first %d", seq).isTrue());
        ids.forEach(seq -> assertThat(seen.add(seq)).as("again %d", seq).isFalse());
        assertThat(seen).hasToString("[0-499]");
    }

    @Test
    void agreesWithASortedSetOnRandomIds() {
        Random random = new Random(7);
        SeqRanges seen = new SeqRanges();
        TreeSet<Long> expected = new TreeSet<>();
        for (int i = 0; i < 5000; i++) {
            long seq = random.nextInt(3000);
            assertThat(seen.add(seq)).isEqualTo(expected.add(seq));
        }
        for (long seq = -1; seq <= 3000; seq++) {
            assertThat(seen.contains(seq)).as("%d", seq).isEqualTo(expected.contains(seq));
        }
        for (int i = 1; i < seen.ranges(); i++) {
            assertThat(seen.lo(i)).isGreaterThan(seen.hi(i - 1) + 1);
        }
    }

    @Test
    void theExtremesOfALongAreIds() {
        SeqRanges seen = ranges(Long.MAX_VALUE, 0, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1);

        assertThat(seen).hasToString("[" + Long.MIN_VALUE + "-" + (Long.MIN_VALUE + 1) + ", 0-0, "
                + (Long.MAX_VALUE - 1) + "-" + Long.MAX_VALUE + "]");
        assertThat(seen.contains(Long.MAX_VALUE)).isTrue();
        assertThat(seen.add(Long.MAX_VALUE)).isFalse();
        assertThat(seen.contains(Long.MIN_VALUE + 2)).isFalse();
    }

    @Test
    void anEmptySetHasNothing() {
        SeqRanges seen = new SeqRanges();

        assertThat(seen.contains(0)).isFalse();
        assertThat(seen.ranges()).isZero();
        assertThat(seen).hasToString("[]").isEqualTo(SeqRanges.of(new long[0], 0));
    }

    @Test
    void rangesGivenOutOfOrderOverlappingOrAdjacentAreRefused() {
        assertThatThrownBy(() -> SeqRanges.of(new long[] {5, 4}, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeqRanges.of(new long[] {5, 9, 1, 2}, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeqRanges.of(new long[] {1, 5, 5, 9}, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeqRanges.of(new long[] {1, 5, 6, 9}, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SeqRanges.of(new long[] {1, 5, 7, 9}, 2)).isEqualTo(ranges(1, 2, 3, 4, 5, 7, 8, 9));
    }

    static SeqRanges ranges(long... ids) {
        SeqRanges seen = new SeqRanges();
        for (long seq : ids) {
            seen.add(seq);
        }
        return seen;
    }
}
