package io.pilotwatch.analytics.verdict;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of one plant x KPI x milestone. */
public enum Verdict {
    /** The whole 95% interval over the assessment window is on the target's side. */
    MET,
    /** The whole interval is on the other side. */
    NOT_MET,
    /**
     * The interval straddles the target, the sample is below the minimum, or a baseline is missing; for a future
     * milestone also too few months, a due date beyond the horizon, or a trend outside the KPI's possible range.
     */
    INCONCLUSIVE,
    /** A future milestone: the whole 95% prediction interval of the monthly trend at the due date reaches it. */
    ON_TRACK,
    /** A future milestone: the whole prediction interval at the due date misses it. */
    OFF_TRACK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
