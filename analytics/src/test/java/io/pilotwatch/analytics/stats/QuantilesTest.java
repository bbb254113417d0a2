package io.pilotwatch.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void interpolatesBetweenOrderStatisticsLikeR() {
        // R: quantile(c(1, 2, 3, 4), c(.25, .5, .75)) = 1.75 2.50 3.25 (type 7: h = (n - 1) q).
        List<Double> four = List.of(1.0, 2.0, 3.0, 4.0);
        assertThat(Quantiles.of(four, 0.25)).isEqualTo(1.75);
        assertThat(Quantiles.of(four, 0.5)).isEqualTo(2.5);
        assertThat(Quantiles.of(four, 0.75)).isEqualTo(3.25);
        assertThat(Quantiles.of(List.of(0.1, 0.4, 0.6), 0.25)).isEqualTo(0.25);
        assertThat(Quantiles.of(List.of(7.0), 0.75)).isEqualTo(7.0);
        assertThat(Quantiles.of(four, 0)).isEqualTo(1.0);
        assertThat(Quantiles.of(four, 1)).isEqualTo(4.0);
        assertThatThrownBy(() -> Quantiles.of(List.of(), 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
