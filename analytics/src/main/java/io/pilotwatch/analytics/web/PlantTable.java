package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import java.util.List;
import java.util.Optional;

/**
 * One plant's KPIs against its milestones: baseline, current value with its 95% interval, reduction, and per
 * milestone the target, the progress and the verdict. Cells carry {@code data-label}s, so that on a phone
 * each row becomes a card of labelled lines.
 */
final class PlantTable {

    private PlantTable() {
    }

    static String render(PlantScorecard card) {
        List<Rows.Column> columns = Rows.columns(card);
        String trailing = Rows.trailing(card.windows()).period();
        StringBuilder html = new StringBuilder("<table class=\"kpis\">\n<thead><tr><th scope=\"col\">KPI</th>"
                + "<th scope=\"col\">Baseline</th><th scope=\"col\">Current <small>" + esc(trailing)
                + ", 95% interval</small></th><th scope=\"col\">Reduction</th>");
        for (Rows.Column column : columns) {
            html.append("<th scope=\"col\">Milestone ").append(esc(column.milestone())).append(" <small>due ")
                    .append(column.due()).append("</small></th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Kpi kpi : Rows.PRIMARY) {
            html.append(row(card, kpi, columns, "primary"));
        }
        html.append("<tr class=\"group\"><th colspan=\"").append(4 + columns.size())
                .append("\">Secondary indicators</th></tr>\n");
        for (Kpi kpi : Rows.SECONDARY) {
            html.append(row(card, kpi, columns, "secondary"));
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String row(PlantScorecard card, Kpi kpi, List<Rows.Column> columns, String group) {
        Optional<KpiScore> score = Rows.score(card, kpi);
        KpiValue current = Rows.current(card, kpi);
        StringBuilder html = new StringBuilder("<tr class=\"").append(group).append("\" data-kpi=\"")
                .append(kpi.wireName()).append("\"><th scope=\"row\">").append(esc(Format.kpiName(kpi))).append("</th>");
        html.append(cell("Baseline", score.isEmpty() ? "<span class=\"none\">no target</span>"
                : Cells.baseline(kpi, score.get().baseline(), card.currency())));
        html.append(cell("Current", Cells.value(kpi, current, card.currency())));
        html.append(cell("Reduction", Cells.reduction(score.map(KpiScore::reduction).orElse(null))));
        for (Rows.Column column : columns) {
            Optional<MilestoneScore> milestone = Rows.milestone(score, column.milestone());
            String label = "Milestone " + column.milestone();
            if (milestone.isEmpty()) {
                html.append(cell(label, "<span class=\"none\">no target</span>"));
            } else {
                html.append("<td class=\"milestone\" data-label=\"").append(esc(label)).append("\" data-milestone=\"")
                        .append(esc(column.milestone())).append("\">").append(milestone(kpi, milestone.get(), card))
                        .append("</td>");
            }
        }
        return html.append("</tr>\n").toString();
    }

    private static String milestone(Kpi kpi, MilestoneScore m, PlantScorecard card) {
        StringBuilder html = new StringBuilder("<small class=\"target\">").append(target(kpi, m, card.currency()))
                .append("</small>");
        html.append(Cells.progress(m.progress()));
        html.append(Cells.verdict(m));
        if ("assessed".equals(m.status())) {
            html.append("<small class=\"window\">assessed ").append(m.windowFrom()).append(" – ").append(m.windowTo())
                    .append(": ").append(Cells.value(kpi, m.value(), card.currency())).append("</small>");
        } else if (m.projectedValueAtDue() != null) {
            html.append("<small class=\"window\">trend of ").append(m.trendMonths()).append(" months at due date: ")
                    .append(esc(Format.scale(kpi, card.currency(), m.projectedValueAtDue())
                            .format(m.projectedValueAtDue()))).append("</small>");
        }
        return html.toString();
    }

    /** {@code −30% → ≤ 14.0%}, or {@code ≥ 50.0%} for a floor. */
    private static String target(Kpi kpi, MilestoneScore m, String currency) {
        if ("at_least".equals(m.targetType())) {
            return "target ≥ " + esc(Format.scale(kpi, currency, m.targetAmount()).format(m.targetAmount()));
        }
        String reduction = "target −" + Format.percent(m.targetAmount());
        return m.threshold() == null ? reduction + " (no baseline)"
                : reduction + " → ≤ " + esc(Format.scale(kpi, currency, m.threshold()).format(m.threshold()));
    }

    private static String cell(String label, String content) {
        return "<td data-label=\"" + esc(label) + "\">" + content + "</td>";
    }
}
