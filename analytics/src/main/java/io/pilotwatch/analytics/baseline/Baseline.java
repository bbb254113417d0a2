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
 * @param days           learned: the days of the learning period that held the KPI's input; 0 for configured
 * @param months         learned: the calendar months with such days; 0 for configured
 * @param note           why a learned baseline has no value ("too little data: ..."), or null
 */
public record Baseline(String plant, Kpi kpi, Double value, Double lower, Double upper, long sampleSize,
                       String method, String period, String source, int version, LocalDate learnFrom,
                       LocalDate learnTo, long frozenAtMillis, long days, int months, String note) {

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

    /** A usable reference: a finite value, positive for reduction KPIs (a reduction from 0 cannot be measured). */
    public boolean hasValue() {
        return value != null && Double.isFinite(value) && (kpi.lowerIsBetter() ? value > 0 : value >= 0);
    }

    /**
     * Whether the verdicts may treat it as exact: a configured (audited) figure. A learned one is an estimate,
     * judged with its own interval.
     */
    public boolean exact() {
        return CONFIGURED.equals(method);
    }

    /** Why there is no usable value, in words: the note, or "no data in the learning period". */
    public String missingReason() {
        if (note != null) {
            return note;
        }
        return value == null ? "no data in the learning period " + period : "its value " + value + " is not positive";
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
