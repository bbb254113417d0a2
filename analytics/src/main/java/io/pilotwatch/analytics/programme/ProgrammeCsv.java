package io.pilotwatch.analytics.programme;

import io.pilotwatch.analytics.programme.Programme.CncYear;
import io.pilotwatch.analytics.programme.Programme.Count;
import io.pilotwatch.analytics.programme.Programme.GroupFigures;
import io.pilotwatch.analytics.programme.Programme.Spread;
import io.pilotwatch.analytics.programme.Programme.Tally;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardCsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The programme as CSV (RFC 4180), one table in long form: a row per group and {@code kind}: {@code tally} (per
 * KPI, milestone and standing: plants, share and its interval, the plants), {@code reduction} (per KPI and window:
 * the spread of the plants' reductions), {@code cnc_ratio} (per year: the mean of the plants' ratios against the
 * national indicator). Columns a kind does not use are empty.
 */
public final class ProgrammeCsv {

    static final List<String> COLUMNS = List.of("group", "kind", "kpi", "milestone", "due", "status", "standing",
            "plants", "count", "share", "share_lower", "share_upper", "members", "window", "median", "q1", "q3", "min",
            "max", "target", "year", "complete", "mean", "mean_lower", "mean_upper", "indicator", "verdict",
            "definitions_version");

    private ProgrammeCsv() {
    }

    public static String write(Programme programme) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (GroupFigures group : programme.groups()) {
            for (Tally tally : group.tallies()) {
                for (Count count : tally.counts()) {
                    row(csv, group, "tally", cells("kpi", tally.kpi(), "milestone", tally.milestone(),
                            "due", tally.due(), "status", tally.status(), "standing", count.standing(),
                            "plants", tally.plants(), "count", count.plants(), "share", count.share(),
                            "share_lower", count.lower(), "share_upper", count.upper(),
                            "members", String.join(";", count.members())));
                }
            }
            for (Spread spread : group.reductions()) {
                row(csv, group, "reduction", cells("kpi", spread.kpi(), "window", spread.window(),
                        "plants", spread.plants(), "median", spread.median(), "q1", spread.q1(), "q3", spread.q3(),
                        "min", spread.min(), "max", spread.max(), "target", spread.target()));
            }
            for (CncYear year : group.cncRatio()) {
                row(csv, group, "cnc_ratio", cells("kpi", "cnc_ratio", "year", year.year(), "plants", year.plants(),
                        "complete", year.complete(), "mean", year.mean(), "mean_lower", year.lower(),
                        "mean_upper", year.upper(), "indicator", year.indicator(), "verdict", year.verdict()));
            }
        }
        return csv.toString();
    }

    /** Column names and values, alternating; null values are left out (empty cells). */
    private static Map<String, Object> cells(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    private static void row(StringBuilder csv, GroupFigures group, String kind, Map<String, Object> cells) {
        List<Object> row = new ArrayList<>(Arrays.asList(new Object[COLUMNS.size()]));
        row.set(0, group.id());
        row.set(1, kind);
        cells.forEach((column, value) -> row.set(index(column), value));
        row.set(COLUMNS.size() - 1, PlantScorecard.DEFINITIONS_VERSION);
        csv.append(String.join(",", row.stream().map(ScorecardCsv::cell).toList())).append("\r\n");
    }

    private static int index(String column) {
        int index = COLUMNS.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return index;
    }
}
