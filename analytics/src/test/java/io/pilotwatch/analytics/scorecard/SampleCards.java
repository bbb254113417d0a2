package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.verdict.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Scorecards built by hand, for format tests: one whose every text field is hostile (markup, quotes, commas,
 * line breaks), as a plant id from a foreign producer or a source string from a file could be.
 */
public final class SampleCards {

    public static final String PLANT = "<script>alert('p')</script>";
    public static final String LINE = "l\"1><img src=x onerror=alert(1)>";
    public static final String SOURCE = "report, \"audited\"\r\n<b>2015</b>";
    public static final String MILESTONE = "m<1>";

    private SampleCards() {
    }

    public static PlantScorecard hostile() {
        KpiValue current = new KpiValue(0.05, 0.03, 0.08, 200, 60);
        Baseline baseline = new Baseline(PLANT, Kpi.DEFECT_RATE, 0.2, null, null, 0, Baseline.CONFIGURED, "2015",
                SOURCE, 2, null, null, 0, 0, 0, null);
        MilestoneScore score = new MilestoneScore(MILESTONE, LocalDate.of(2025, 12, 31), "reduction", 0.3, 0.14,
                "projected", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), current, Verdict.OFF_TRACK,
                "trend <misses> the target", 0.5, 0.16, LocalDate.of(2027, 4, 16), 6, null, 0.12, 0.2);
        KpiScore kpi = new KpiScore(Kpi.DEFECT_RATE, "ratio", baseline, current, KpiScore.Reduction.of(current, baseline),
                List.of(score), List.of(new YearValue(2024, true, new KpiValue(0.12, 0.1, 0.14, 5000, 300)),
                        new YearValue(2025, false, current)));
        WindowFigures trailing = new WindowFigures("trailing", "2025-01-01..2025-03-31", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 31), Map.of(Kpi.DEFECT_RATE, current), Map.of(), Map.of(), Map.of(), null, 0, 0,
                0, 0, 0);
        Completeness completeness = new Completeness(200, Map.of("unit", 200L), 3, Map.of("unit", 1L),
                Map.of("bad_json", 2L), Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-03-31T00:00:00Z"),
                Map.of(LINE, Instant.parse("2025-03-31T00:00:00Z")));
        return new PlantScorecard(PLANT, "Asia/Shanghai", "CNY", Instant.parse("2025-03-31T00:00:00Z"),
                PlantScorecard.DEFINITIONS_VERSION, "targets <file>", SOURCE, completeness, List.of(trailing),
                Map.of(LINE, List.of(trailing)), List.of(kpi));
    }

    public static PlantDetail hostileDetail() {
        PlantScorecard card = hostile();
        List<MonthValue> months = List.of(new MonthValue(YearMonth.of(2025, 2), true, new KpiValue(0.06, null, null, 90, 20)),
                new MonthValue(YearMonth.of(2025, 3), false, new KpiValue(0.05, null, null, 110, 25)));
        return new PlantDetail(card, new PlantTrends(PLANT, Map.of(Kpi.DEFECT_RATE, months),
                Map.of(LINE, Map.of(Kpi.DEFECT_RATE, months))));
    }
}
