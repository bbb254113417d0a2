package io.pilotwatch.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void tabulatedQuantilesAreExact() {
        assertThat(StudentT.quantile975(1)).isCloseTo(12.7062047362, within(1e-7));
        assertThat(StudentT.quantile975(10)).isCloseTo(2.2281388520, within(1e-8));
        assertThat(StudentT.quantile975(30)).isCloseTo(2.0422724563, within(1e-8));
    }

    @Test
    void expansionBeyondTheTableIsWithinOneHundredThousandth() {
        // Reference values from scipy.stats.t.ppf(0.975, df).
        assertThat(StudentT.quantile975(31)).isCloseTo(2.0395134464, within(1e-5));
        assertThat(StudentT.quantile975(40)).isCloseTo(2.0210753903, within(1e-5));
        assertThat(StudentT.quantile975(100)).isCloseTo(1.9839715185, within(1e-6));
        assertThat(StudentT.quantile975(1000)).isCloseTo(1.9623390808, within(1e-7));
    }

    @Test
    void tendsToTheNormalQuantile() {
        assertThat(StudentT.quantile975(10_000_000)).isCloseTo(Confidence.Z_95, within(1e-6));
    }
}
