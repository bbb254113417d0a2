package io.pilotwatch.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void usesTheNearestRank() {
        long[] four = {1, 2, 3, 4};
        assertThat(Percentiles.nearestRank(four, 50)).isEqualTo(2);
        assertThat(Percentiles.nearestRank(four, 90)).isEqualTo(4);
        long[] ten = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertThat(Percentiles.nearestRank(ten, 90)).as("rank 9, not 10").isEqualTo(90);
        assertThat(Percentiles.nearestRank(ten, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(new long[] {7}, 90)).isEqualTo(7);
        assertThat(Percentiles.nearestRank(ten, 100)).isEqualTo(100);
    }
}
