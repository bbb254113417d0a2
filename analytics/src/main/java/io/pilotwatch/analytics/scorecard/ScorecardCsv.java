package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.KpiValue;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Objects;

/** The scorecard as CSV (RFC 4180): one row per plant, KPI and milestone. */
public final class ScorecardCsv {

    static final List<String> COLUMNS = List.of("plant", "kpi", "unit", "currency", "baseline", "baseline_version",
            "baseline_method", "baseline_period", "baseline_source", "baseline_lower", "baseline_upper",
            "baseline_sample_size", "baseline_days", "baseline_months", "baseline_note", "current_value",
            "current_lower", "current_upper", "current_sample_size", "reduction", "reduction_lower", "reduction_upper",
            "milestone", "due", "target_type", "target", "threshold", "status", "window_from", "window_to", "value",
            "lower", "upper", "sample_size", "days", "ratio_to_baseline", "ratio_lower", "ratio_upper",
            "ratio_allowed", "verdict", "reason", "progress",
            "projected_value_at_due", "projected_lower_at_due", "projected_upper_at_due", "projected_date", "accepted", "duplicates", "late", "rejected", "clock",
            "definitions_version");

    private ScorecardCsv() {
    }

    public static String write(List<PlantScorecard> cards) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (PlantScorecard card : cards) {
            for (KpiScore score : card.kpis()) {
                for (MilestoneScore m : score.milestones()) {
                    csv.append(row(card, score, m)).append("\r\n");
                }
            }
        }
        return csv.toString();
    }

    /**
     * Each plant's path (RFC 4180): one row per plant, KPI and year, with the baseline and a
     * {@code threshold_<milestone>} column per milestone id (by due date) holding the value the KPI must reach.
     */
    public static String writePaths(List<PlantScorecard> cards) {
        Map<String, LocalDate> milestones = new TreeMap<>();
        cards.forEach(card -> card.kpis().forEach(score -> score.milestones().forEach(m ->
                milestones.merge(m.milestone(), m.due(), (a, b) -> a.isBefore(b) ? a : b))));
        List<String> ids = milestones.keySet().stream()
                .sorted(Comparator.comparing((String id) -> milestones.get(id)).thenComparing(id -> id)).toList();
        List<String> columns = new ArrayList<>(PATH_COLUMNS);
        ids.forEach(id -> columns.add("threshold_" + id));
        columns.add("definitions_version");
        StringBuilder csv = new StringBuilder(String.join(",", columns.stream().map(ScorecardCsv::cell).toList()))
                .append("\r\n");
        for (PlantScorecard card : cards) {
            for (KpiScore score : card.kpis()) {
                Baseline b = score.baseline();
                for (YearValue year : score.years()) {
                    KpiValue v = year.value();
                    List<Object> cells = new ArrayList<>(Arrays.asList(card.plant(), score.kpi().wireName(),
                            score.unit(), card.currency(), year.year(), year.complete(), v == null ? null : v.value(),
                            v == null ? null : v.lower(), v == null ? null : v.upper(),
                            v == null ? null : v.sampleSize(), v == null ? null : v.days(),
                            b == null ? null : b.value(), b == null ? null : b.method(), b == null ? null : b.period()));
                    for (String id : ids) {
                        cells.add(score.milestones().stream().filter(m -> m.milestone().equals(id)).findFirst()
                                .map(MilestoneScore::threshold).orElse(null));
                    }
                    cells.add(card.definitionsVersion());
                    csv.append(String.join(",", cells.stream().map(ScorecardCsv::cell).toList())).append("\r\n");
                }
            }
        }
        return csv.toString();
    }

    static final List<String> PATH_COLUMNS = List.of("plant", "kpi", "unit", "currency", "year", "complete", "value",
            "lower", "upper", "sample_size", "days", "baseline", "baseline_method", "baseline_period");

    private static String row(PlantScorecard card, KpiScore score, MilestoneScore m) {
        Baseline b = score.baseline();
        KpiValue current = score.current();
        KpiValue value = m.value();
        List<Object> cells = new ArrayList<>(List.of(card.plant(), score.kpi().wireName(), score.unit(),
                card.currency()));
        KpiScore.Reduction reduction = score.reduction();
        MilestoneScore.RatioToBaseline ratio = m.ratioToBaseline();
        cells.addAll(Arrays.asList(b == null ? null : b.value(), b == null ? null : b.version(),
                b == null ? null : b.method(), b == null ? null : b.period(), b == null ? null : b.source(),
                b == null ? null : b.lower(), b == null ? null : b.upper(), b == null ? null : b.sampleSize(),
                b == null ? null : b.days(), b == null ? null : b.months(), b == null ? null : b.note(),
                current == null ? null : current.value(), current == null ? null : current.lower(),
                current == null ? null : current.upper(), current == null ? null : current.sampleSize(),
                reduction == null ? null : reduction.value(), reduction == null ? null : reduction.lower(),
                reduction == null ? null : reduction.upper(), m.milestone(), m.due(), m.targetType(),
                m.targetAmount(), m.threshold(), m.status(), m.windowFrom(), m.windowTo(),
                value == null ? null : value.value(), value == null ? null : value.lower(),
                value == null ? null : value.upper(), value == null ? null : value.sampleSize(),
                value == null ? null : value.days(), ratio == null ? null : ratio.value(),
                ratio == null ? null : ratio.lower(), ratio == null ? null : ratio.upper(),
                ratio == null ? null : ratio.allowed(), m.verdict().wireName(),
                m.reason(), m.progress(), m.projectedValueAtDue(), m.projectedLowerAtDue(), m.projectedUpperAtDue(),
                m.projectedDate(),
                card.completeness().accepted(), card.completeness().duplicates(), card.completeness().lateTotal(),
                card.completeness().rejectedTotal(), card.clock(), card.definitionsVersion()));
        return String.join(",", cells.stream().map(ScorecardCsv::cell).toList());
    }

    /** One RFC 4180 cell: quoted when it holds a comma, a quote or a line break. */
    public static String cell(Object value) {
        String text = Objects.toString(value, "");
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
