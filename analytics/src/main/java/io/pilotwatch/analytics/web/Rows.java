package io.pilotwatch.analytics.web;

import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.WindowFigures;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of a plant's table: which KPIs, in which order, and the milestones that make its columns. */
final class Rows {

    /** Box 2's targets, as the policy lists them. */
    static final List<Kpi> PRIMARY = List.of(Kpi.OPERATING_COST, Kpi.PRODUCTION_CYCLE, Kpi.DEFECT_RATE, Kpi.CNC_RATIO);
    /** The green indicator and OEE. */
    static final List<Kpi> SECONDARY = List.of(Kpi.ENERGY_PER_UNIT, Kpi.OEE);

    private Rows() {
    }

    /** A milestone column: its id and due date. */
    record Column(String milestone, LocalDate due) {
    }

    /** The plant's milestones over all its KPIs, by due date. */
    static List<Column> columns(PlantScorecard card) {
        Map<String, LocalDate> due = new LinkedHashMap<>();
        card.kpis().forEach(score -> score.milestones().forEach(m -> due.putIfAbsent(m.milestone(), m.due())));
        return due.entrySet().stream().map(e -> new Column(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Column::due).thenComparing(Column::milestone)).toList();
    }

    static Optional<KpiScore> score(PlantScorecard card, Kpi kpi) {
        return card.kpis().stream().filter(score -> score.kpi() == kpi).findFirst();
    }

    static Optional<MilestoneScore> milestone(Optional<KpiScore> score, String milestone) {
        return score.flatMap(s -> s.milestones().stream().filter(m -> m.milestone().equals(milestone)).findFirst());
    }

    /** The trailing window: the "current" view. */
    static WindowFigures trailing(List<WindowFigures> windows) {
        return windows.stream().filter(w -> w.window().equals("trailing")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no trailing window"));
    }

    /** The KPI's current value: the score's for targeted KPIs, else the trailing window's. */
    static KpiValue current(PlantScorecard card, Kpi kpi) {
        return score(card, kpi).map(KpiScore::current).orElseGet(() -> trailing(card.windows()).values().get(kpi));
    }
}
