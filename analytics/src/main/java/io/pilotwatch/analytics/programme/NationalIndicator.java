package io.pilotwatch.analytics.programme;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The plan's national indicator "CNC ratio of key processes" (Made in China 2025, table of key indicators; footnote
 * 7: the average of the enterprises' CNC ratios of key processes): 33% in 2015, 50% in 2020, 64% in 2025.
 */
public final class NationalIndicator {

    /** The indicator's base year: the programme's CNC series starts here. */
    public static final int FIRST_YEAR = 2015;

    private static final SortedMap<Integer, Double> CNC_RATIO = new TreeMap<>(Map.of(2015, 0.33, 2020, 0.50, 2025, 0.64));

    private NationalIndicator() {
    }

    /** The indicator's values by year. */
    public static SortedMap<Integer, Double> cncRatios() {
        return java.util.Collections.unmodifiableSortedMap(CNC_RATIO);
    }

    /** The indicator's value for {@code year}, for 2015, 2020 and 2025. */
    public static Optional<Double> cncRatio(int year) {
        return Optional.ofNullable(CNC_RATIO.get(year));
    }
}
