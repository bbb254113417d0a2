package io.pilotwatch.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    @Test
    void fitsTheHandComputedLine() {
        // x = 0..3, y = 10, 9, 7, 6: mean x 1.5, mean y 8; Sxy = -7.0, Sxx = 5 -> slope -1.4, intercept 10.1
        LeastSquares line = LeastSquares.fit(new double[] {0, 1, 2, 3}, new double[] {10, 9, 7, 6});

        assertThat(line.slope()).isCloseTo(-1.4, within(1e-12));
        assertThat(line.intercept()).isCloseTo(10.1, within(1e-12));
        assertThat(line.valueAt(5)).isCloseTo(3.1, within(1e-12));
        assertThat(line.xWhere(3.1).getAsDouble()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void aFlatLineNeverReachesAnotherValue() {
        LeastSquares line = LeastSquares.fit(new double[] {0, 1}, new double[] {4, 4});

        assertThat(line.xWhere(3)).isEmpty();
    }
}
