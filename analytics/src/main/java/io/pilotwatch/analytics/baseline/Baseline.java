package io.pilotwatch.analytics.baseline;

import io.pilotwatch.analytics.kpi.Kpi;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A plant's frozen reference value of one KPI, as stored and published on {@code factory.baselines.v1}
 * (key {@code plant/kpi}). Once frozen it never changes; a new version replaces it only when the
 * baselines file asks for one.
 *
 * @param value          the reference value; null when the learning period held no data for this KPI
 * @param lower          the 95% interval of a learned value, else null
 * @param upper          ditto
 * @param sampleSize     the learned value's sample (units, days or key stations); 0 for configured values
 * @param method         {@code configured} or {@code learned}
 * @param period         what period the value describes ({@code 2015}, or the learning dates)
 * @param source         where it comes from (an audit report, or "learned from events")
 * @param version        bumped by the baselines file to re-baseline
 * @param learnFrom      first day of the learning period (learned only)
 * @param learnTo        last day of the learning period (learned only)
 * @param frozenAtMillis the plant's event-time clock when it was frozen
 */
public record Baseline(String plant, Kpi kpi, Double value, Double lower, Double upper, long sampleSize,
                       String method, String period, String source, int version, LocalDate learnFrom,
                       LocalDate learnTo, long frozenAtMillis) {

    public static final String CONFIGURED = "configured";
    public static final String LEARNED = "learned";

    public Baseline {
        Objects.requireNonNull(plant, "plant");
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(method, "method");
    }

    /** The store and topic key. */
    public static String key(String plant, Kpi kpi) {
        return plant + "/" + kpi.wireName();
    }

    public boolean hasValue() {
        return value != null;
    }

    /**
     * Whether {@code other} is defined the same way (same method, value source and learning period):
     * what must hold between two baselines of the same version, or the version was not bumped.
     */
    public boolean sameDefinition(Baseline other) {
        if (!method.equals(other.method)) {
            return false;
        }
        if (CONFIGURED.equals(method)) {
            return Objects.equals(value, other.value) && Objects.equals(period, other.period)
                    && Objects.equals(source, other.source);
        }
        return Objects.equals(learnFrom, other.learnFrom) && Objects.equals(learnTo, other.learnTo);
    }

    /** What the definition is, in words, for error messages. */
    public String describeDefinition() {
        return CONFIGURED.equals(method) ? "configured value " + value + " for " + period + " from '" + source + "'"
                : "learned from " + learnFrom + " to " + learnTo;
    }
}
