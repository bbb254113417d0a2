package io.pilotwatch.simulator.scenario;

/**
 * The production cycle of a unit ({@code completedAt - startedAt}).
 *
 * @param distribution {@code lognormal} (default) or {@code constant}
 * @param meanSeconds  the mean in seconds
 * @param cv           coefficient of variation (standard deviation / mean) of the lognormal (default 0.3)
 */
public record CycleSpec(String distribution, Double meanSeconds, Double cv) {

    public static final String LOGNORMAL = "lognormal";
    public static final String CONSTANT = "constant";
    public static final double DEFAULT_CV = 0.3;

    public CycleSpec {
        distribution = distribution == null ? LOGNORMAL : distribution;
        cv = cv == null ? DEFAULT_CV : cv;
    }
}
