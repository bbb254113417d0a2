package io.pilotwatch.analytics.verdict;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of one plant x KPI x milestone. */
public enum Verdict {
    /** The whole 95% interval over the assessment window is on the target's side. */
    MET,
    /** The whole interval is on the other side. */
    NOT_MET,
    /** The interval straddles the target, the sample is below the minimum, or a baseline is missing. */
    INCONCLUSIVE,
    /** A future milestone: the fitted monthly trend reaches the target by the due date. */
    ON_TRACK,
    /** A future milestone: the trend does not reach it by the due date. */
    OFF_TRACK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
