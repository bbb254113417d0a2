package io.pilotwatch.analytics.programme;

import java.util.Locale;

/** Where a plant stands on a milestone, in the programme's tallies: the verdicts, and no data. */
public enum Standing {
    MET, NOT_MET, INCONCLUSIVE, ON_TRACK, OFF_TRACK,
    /** No scorecard, no value in the assessment window, or no projection (too little history). */
    NO_DATA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
