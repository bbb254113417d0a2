package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import java.time.LocalDate;
import java.time.ZoneId;
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
        Optional<Baseline> baseline = score.map(KpiScore::baseline).filter(Baseline::hasValue);
        // The smaller of baseline and current value sets the precision, so that neither reads as zero.
        double reference = Math.min(baseline.map(Baseline::value).orElse(Double.MAX_VALUE),
                current == null ? Double.MAX_VALUE : current.value());
        reference = reference == Double.MAX_VALUE ? 0 : reference;
        Format.Scale scale = Format.scale(kpi, card.currency(), reference);
        LocalDate today = card.clock().atZone(ZoneId.of(card.timezone())).toLocalDate();
        StringBuilder html = new StringBuilder("<tr class=\"").append(group).append("\" data-kpi=\"")
                .append(kpi.wireName()).append("\"><th scope=\"row\">").append(esc(Format.kpiName(kpi))).append("</th>");
        html.append(cell("Baseline", score.isEmpty() ? "<span class=\"none\">no target</span>"
                : Cells.baseline(score.get().baseline(), scale)));
        html.append(cell("Current", Cells.value(kpi, current, scale)));
        html.append(cell("Reduction", Cells.reduction(score.map(KpiScore::reduction).orElse(null))));
        for (Rows.Column column : columns) {
            Optional<MilestoneScore> milestone = Rows.milestone(score, column.milestone());
            String label = "Milestone " + column.milestone();
            if (milestone.isEmpty()) {
                html.append(cell(label, "<span class=\"none\">no target</span>"));
            } else {
                html.append("<td class=\"milestone\" data-label=\"").append(esc(label)).append("\" data-milestone=\"")
                        .append(esc(column.milestone())).append("\">").append(milestone(kpi, milestone.get(), scale, today))
                        .append("</td>");
            }
        }
        return html.append("</tr>\n").toString();
    }

    private static String milestone(Kpi kpi, MilestoneScore m, Format.Scale scale, LocalDate today) {
        StringBuilder html = new StringBuilder("<small class=\"target\">").append(target(m, scale))
                .append("</small>");
        html.append(Cells.progress(m.progress(), m.verdict()));
        html.append(Cells.verdict(m, today));
        if ("assessed".equals(m.status())) {
            html.append("<small class=\"window\">assessed ").append(m.windowFrom()).append(" – ").append(m.windowTo())
                    .append(": ").append(Cells.value(kpi, m.value(), scale)).append("</small>");
        } else if (m.projectedValueAtDue() != null) {
            html.append("<small class=\"window\">trend of ").append(m.trendMonths()).append(" months at due date: ")
                    .append(esc(scale.format(m.projectedValueAtDue()))).append("</small>");
        }
        return html.toString();
    }

    /** {@code −30% → ≤ 14.0%}, or {@code ≥ 50.0%} for a floor. */
    private static String target(MilestoneScore m, Format.Scale scale) {
        if ("at_least".equals(m.targetType())) {
            return "target ≥ " + esc(scale.format(m.targetAmount()));
        }
        String reduction = "target −" + Format.percent(m.targetAmount());
        return m.threshold() == null ? reduction + " (no baseline)"
                : reduction + " → ≤ " + esc(scale.format(m.threshold()));
    }

    private static String cell(String label, String content) {
        return "<td data-label=\"" + esc(label) + "\">" + content + "</td>";
    }
}
