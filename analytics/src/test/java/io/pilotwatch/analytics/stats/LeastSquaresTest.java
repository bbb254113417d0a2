package io.pilotwatch.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    void predictionIntervalIsTheTextbookOne() {
        // Same points. Fitted 10.1, 8.7, 7.3, 5.9; residuals -0.1, 0.3, -0.3, 0.1; SSE = 0.01 + 0.09 + 0.09 + 0.01
        // = 0.2; s = sqrt(0.2 / (4 - 2)) = 0.316228. At x0 = 5: sqrt(1 + 1/4 + (5 - 1.5)^2 / 5) = sqrt(3.7)
        // = 1.923538, se_pred = 0.608276; t(0.975, 2) = 4.302653, half-width 2.617201:
        // 3.1 +- 2.617201 = [0.482799, 5.717201].
        LeastSquares line = LeastSquares.fit(new double[] {0, 1, 2, 3}, new double[] {10, 9, 7, 6});

        assertThat(line.residualStandardError()).isCloseTo(0.316228, within(1e-6));
        Interval interval = line.predictionInterval(5);
        assertThat(interval.estimate()).isCloseTo(3.1, within(1e-12));
        assertThat(interval.lower()).isCloseTo(0.482799, within(1e-6));
        assertThat(interval.upper()).isCloseTo(5.717201, within(1e-6));
    }

    @Test
    void twoPointsHaveNoResidualErrorHenceNoPredictionInterval() {
        LeastSquares line = LeastSquares.fit(new double[] {0, 1}, new double[] {4, 5});

        assertThat(line.hasResidualError()).isFalse();
        assertThatThrownBy(() -> line.predictionInterval(2)).hasMessageContaining("at least 3 points, got 2");
    }

    @Test
    void residualsAreExactForMonthIndicesNearYearZeroPlus24000() {
        // A perfect line at x = 24,300.5.. (January 2025 in months since year 0) leaves no residual.
        LeastSquares line = LeastSquares.fit(new double[] {24_300.5, 24_301.5, 24_302.5},
                new double[] {0.06, 0.05, 0.04});

        assertThat(line.residualStandardError()).isLessThan(1e-12);
    }

    @Test
    void aFlatLineNeverReachesAnotherValue() {
        LeastSquares line = LeastSquares.fit(new double[] {0, 1}, new double[] {4, 4});

        assertThat(line.xWhere(3)).isEmpty();
    }
}
