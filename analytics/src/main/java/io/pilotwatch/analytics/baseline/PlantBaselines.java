package io.pilotwatch.analytics.baseline;

import io.pilotwatch.analytics.kpi.Kpi;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * How one plant's baselines are defined: configured values where given, the rest learned from events of
 * the learning period (plant-local dates, both inclusive).
 *
 * @param version    the version of the learned baselines; bump it to re-learn
 * @param configured configured values by KPI, each with its own version
 */
public record PlantBaselines(LocalDate learnFrom, LocalDate learnTo, int version, Map<Kpi, Configured> configured,
                             String definedAt) {

    /** A configured baseline value. */
    public record Configured(double value, String period, String source, int version) {
    }

    public PlantBaselines {
        configured = Map.copyOf(configured);
    }

    /**
     * The baseline this plan asks for, as it would be frozen now; a learned one carries no value (the
     * learner fills it in once the learning period is over).
     */
    public Baseline expected(String plant, Kpi kpi) {
        Optional<Configured> value = Optional.ofNullable(configured.get(kpi));
        if (value.isPresent()) {
            Configured c = value.get();
            return new Baseline(plant, kpi, c.value(), null, null, 0, Baseline.CONFIGURED, c.period(), c.source(),
                    c.version(), null, null, Long.MIN_VALUE, 0, 0, null);
        }
        return new Baseline(plant, kpi, null, null, null, 0, Baseline.LEARNED, learnFrom + ".." + learnTo,
                "learned from events", version, learnFrom, learnTo, Long.MIN_VALUE, 0, 0, null);
    }

    /** The dotted key of the baselines file that defines {@code kpi}'s baseline, for error messages. */
    public String keyOf(Kpi kpi) {
        return configured.containsKey(kpi) ? definedAt + ".configured." + kpi.wireName() : definedAt + ".version";
    }
}
