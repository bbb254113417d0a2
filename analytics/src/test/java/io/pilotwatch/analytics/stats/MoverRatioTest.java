package io.pilotwatch.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoverRatioTest {

    /**
     * With symmetric intervals MOVER-R is Fieller's interval. Numerator 10 ± 2, denominator 20 ± 4 (95%): Fieller's
     * limits solve (10 - θ·20)² = 2² + θ²·4², i.e. 384θ² - 400θ + 96 = 0, θ = 0.375 or 2/3.
     */
    @Test
    void symmetricIntervalsGiveFiellersInterval() {
        Interval ratio = MoverRatio.of(new Interval(10, 8, 12), new Interval(20, 16, 24)).orElseThrow();

        assertThat(ratio.estimate()).isEqualTo(0.5);
        assertThat(ratio.lower()).isCloseTo(0.375, within(1e-12));
        assertThat(ratio.upper()).isCloseTo(2.0 / 3, within(1e-12));
    }

    /**
     * Two Wilson intervals (Newcombe's ratio interval): 140 of 2,000 [0.0596226, 0.0820261] over 60 of 500
     * [0.0943749, 0.1514196]; the formula of the class's documentation gives [0.439406, 0.777212] (computed
     * separately from the written-out formula), near Katz's [0.4382, 0.7766].
     */
    @Test
    void wilsonIntervalsGiveNewcombesRatioInterval() {
        Interval ratio = MoverRatio.of(new Interval(0.07, 0.0596225760708, 0.0820260845911),
                new Interval(0.12, 0.0943749001264, 0.1514195986244)).orElseThrow();

        assertThat(ratio.lower()).isCloseTo(0.4394063291, within(1e-8));
        assertThat(ratio.upper()).isCloseTo(0.7772116604, within(1e-8));
    }

    /** No defect in the window: the lower limit is 0, the upper u1 / √(l2(2θ2 - l2)) stays finite. */
    @Test
    void zeroNumeratorStaysFinite() {
        Interval ratio = MoverRatio.of(new Interval(0, 0, 0.0038267584856),
                new Interval(0.12, 0.0943749001264, 0.1514195986244)).orElseThrow();

        assertThat(ratio.lower()).isZero();
        assertThat(ratio.upper()).isCloseTo(0.0326425954917, within(1e-9));
    }

    @Test
    void aDenominatorIntervalReachingZeroGivesNoInterval() {
        assertThat(MoverRatio.of(new Interval(10, 8, 12), new Interval(20, 0, 40))).isEmpty();
        assertThat(MoverRatio.of(new Interval(10, 8, 12), new Interval(0, 0, 0))).isEmpty();
    }

    /**
     * Clustered proportion: days (defective, units) (0, 2), (2, 3), (0, 1): design effect 1.75, n = 3.428571 and
     * t(0.975, 2) in Wilson's formula (the hand computation of KpiFiguresTest): [0.018685, 0.929229].
     */
    @Test
    void clusteredProportionWidensWilsonByTheDesignEffectAndT() {
        Interval interval = ClusteredProportion.interval(List.of(new ClusteredRatio.Cluster(0, 2),
                new ClusteredRatio.Cluster(2, 3), new ClusteredRatio.Cluster(0, 1)));

        assertThat(interval.lower()).isCloseTo(0.0186846065, within(1e-9));
        assertThat(interval.upper()).isCloseTo(0.9292285821, within(1e-9));
    }
}
