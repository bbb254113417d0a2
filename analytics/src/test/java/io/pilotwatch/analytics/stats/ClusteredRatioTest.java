package io.pilotwatch.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pilotwatch.analytics.stats.ClusteredRatio.Cluster;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusteredRatioTest {

    @Test
    void fourDaysOfCostAndGoodUnitsGiveTheDeltaMethodInterval() {
        // Σx = 540, Σy = 11, R = 49.0909; residuals x - R·y: 1.818, 2.727, -8.182, 3.636;
        // Σ r² = 86.545; Var = 4/3 · 86.545 / 121 = 0.95367; half = t(0.975, 3) · 0.97656 = 3.18525
        Interval interval = ClusteredRatio.of(List.of(new Cluster(100, 2), new Cluster(150, 3), new Cluster(90, 2),
                new Cluster(200, 4))).interval(0);

        assertThat(interval.estimate()).isCloseTo(49.0909090909, within(1e-9));
        assertThat(interval.lower()).isCloseTo(45.9056744849, within(1e-7));
        assertThat(interval.upper()).isCloseTo(52.2761436969, within(1e-7));
    }

    @Test
    void proportionalDaysGiveAZeroWidthInterval() {
        Interval interval = ClusteredRatio.of(List.of(new Cluster(10, 1), new Cluster(30, 3))).interval(0);

        assertThat(interval.lower()).isCloseTo(10.0, within(1e-12));
        assertThat(interval.upper()).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void needsTwoDaysAndAPositiveDenominator() {
        assertThatThrownBy(() -> ClusteredRatio.of(List.of(new Cluster(1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClusteredRatio.of(List.of(new Cluster(1, 0), new Cluster(2, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVarianceFloorWidensAnIntervalThatTheClustersMakeTooNarrow() {
        // Proportional days: cluster variance 0; a floor of 4 gives 10 ± t(0.975, 1) · 2 = 10 ± 25.41241
        Interval interval = ClusteredRatio.of(List.of(new Cluster(10, 1), new Cluster(30, 3))).interval(4);

        assertThat(interval.lower()).isCloseTo(10 - 2 * 12.70620474, within(1e-7));
        assertThat(interval.upper()).isCloseTo(10 + 2 * 12.70620474, within(1e-7));
    }
}
