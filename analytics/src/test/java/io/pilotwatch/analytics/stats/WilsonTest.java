package io.pilotwatch.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void eightDefectsInHundredUnitsGiveTheHandComputedInterval() {
        // p = 0.08, z² = 3.841459; centre = (0.08 + 0.019207) / 1.038415 = 0.095538;
        // half = 1.959964 / 1.038415 · sqrt(0.000736 + 0.0000960) = 0.054444
        Interval interval = Wilson.interval(8, 100);

        assertThat(interval.estimate()).isEqualTo(0.08);
        assertThat(interval.lower()).isCloseTo(0.0410934615, within(1e-9));
        assertThat(interval.upper()).isCloseTo(0.1499810770, within(1e-9));
    }

    @Test
    void noDefectsStillGiveAPositiveUpperBound() {
        Interval interval = Wilson.interval(0, 10);

        assertThat(interval.lower()).isZero();
        assertThat(interval.upper()).isCloseTo(0.2775327999, within(1e-9));
    }

    @Test
    void allDefectsGiveAnUpperBoundOfOne() {
        Interval interval = Wilson.interval(5, 5);

        assertThat(interval.upper()).isEqualTo(1.0);
        assertThat(interval.lower()).isLessThan(1.0);
    }

    @Test
    void rejectsMoreSuccessesThanTrials() {
        assertThatThrownBy(() -> Wilson.interval(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wilson.interval(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
