package io.pilotwatch.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

    @Test
    void fiveValuesUseStudentTWithFourDegreesOfFreedom() {
        // 10, 12, 14, 16, 18: mean 14, M2 = 16 + 4 + 0 + 4 + 16 = 40, s = sqrt(40 / 4) = 3.1623,
        // half width = t(0.975, 4) · s / sqrt(5) = 2.776445 · 1.414214 = 3.926486
        Interval interval = MeanInterval.of(5, 14, 40);

        assertThat(interval.estimate()).isEqualTo(14.0);
        assertThat(interval.lower()).isCloseTo(10.0735136770, within(1e-8));
        assertThat(interval.upper()).isCloseTo(17.9264863230, within(1e-8));
    }

    @Test
    void identicalValuesGiveAZeroWidthInterval() {
        Interval interval = MeanInterval.of(3, 7, 0);

        assertThat(interval.lower()).isEqualTo(7.0);
        assertThat(interval.upper()).isEqualTo(7.0);
    }

    @Test
    void oneValueHasNoInterval() {
        assertThatThrownBy(() -> MeanInterval.of(1, 7, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
