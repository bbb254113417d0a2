package io.pilotwatch.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pilotwatch.analytics.stats.RatioInterval.Cluster;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatioIntervalTest {

    @Test
    void fourDaysOfCostAndGoodUnitsGiveTheDeltaMethodInterval() {
        // Σx = 540, Σy = 11, R = 49.0909; residuals x - R·y: 1.818, 2.727, -8.182, 3.636;
        // Σ r² = 86.545; Var = 4/3 · 86.545 / 121 = 0.95367; half = t(0.975, 3) · 0.97656 = 3.18525
        Interval interval = RatioInterval.of(List.of(new Cluster(100, 2), new Cluster(150, 3), new Cluster(90, 2),
                new Cluster(200, 4)));

        assertThat(interval.estimate()).isCloseTo(49.0909090909, within(1e-9));
        assertThat(interval.lower()).isCloseTo(45.9056744849, within(1e-7));
        assertThat(interval.upper()).isCloseTo(52.2761436969, within(1e-7));
    }

    @Test
    void proportionalDaysGiveAZeroWidthInterval() {
        Interval interval = RatioInterval.of(List.of(new Cluster(10, 1), new Cluster(30, 3)));

        assertThat(interval.lower()).isCloseTo(10.0, within(1e-12));
        assertThat(interval.upper()).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void needsTwoDaysAndAPositiveDenominator() {
        assertThatThrownBy(() -> RatioInterval.of(List.of(new Cluster(1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatioInterval.of(List.of(new Cluster(1, 0), new Cluster(2, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
