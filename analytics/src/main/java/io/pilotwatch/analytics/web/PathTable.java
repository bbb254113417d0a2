package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.YearValue;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A plant's path since its baseline: per targeted KPI one small table of calendar years (value with its 95%
 * interval and sample; the clock's year marked "so far"; years in a row without data on one line), headed by the
 * baseline and each milestone's threshold, so that a year reads against both.
 */
final class PathTable {

    private PathTable() {
    }

    static String render(PlantScorecard card) {
        StringBuilder html = new StringBuilder("<section class=\"path\"><h2>Path since the baseline <small>each "
                + "targeted KPI per calendar year, 95% intervals</small></h2>\n<div class=\"paths\">");
        boolean any = false;
        for (Kpi kpi : Stream.concat(Rows.PRIMARY.stream(), Rows.SECONDARY.stream()).toList()) {
            Optional<KpiScore> score = Rows.score(card, kpi);
            if (score.isPresent() && !score.get().years().isEmpty()) {
                html.append(table(card, score.get()));
                any = true;
            }
        }
        if (!any) {
            html.append("<p class=\"empty\">No yearly values yet.</p>");
        }
        return html.append("</div></section>\n").toString();
    }

    private static String table(PlantScorecard card, KpiScore score) {
        Kpi kpi = score.kpi();
        Baseline baseline = score.baseline();
        double reference = baseline != null && baseline.hasValue() ? baseline.value()
                : score.years().stream().filter(y -> y.value() != null).mapToDouble(y -> y.value().value()).min()
                .orElse(0);
        Format.Scale scale = Format.scale(kpi, card.currency(), reference);
        StringBuilder html = new StringBuilder("<table class=\"path-years\" data-kpi=\"").append(kpi.wireName())
                .append("\">\n<caption>").append(esc(Format.kpiName(kpi))).append("<small class=\"references\">")
                .append(baseline(baseline, scale));
        for (MilestoneScore m : score.milestones()) {
            html.append(" · <span data-milestone=\"").append(esc(m.milestone())).append("\"").append(m.threshold() == null
                    ? "" : " data-threshold=\"" + m.threshold() + "\"").append(">").append(esc(m.milestone()))
                    .append(' ').append(threshold(m, scale)).append("</span>");
        }
        html.append("</small></caption>\n<thead><tr><th scope=\"col\">Year</th><th scope=\"col\">Value</th></tr></thead>"
                + "\n<tbody>\n");
        List<YearValue> years = score.years();
        for (int i = 0; i < years.size(); i++) {
            YearValue year = years.get(i);
            int last = i;
            while (year.value() == null && last + 1 < years.size() && years.get(last + 1).value() == null) {
                last++;
            }
            if (last > i) {
                // Years without data in a row (a baseline year long before the first event) take one line.
                html.append("<tr class=\"gap\" data-years=\"").append(year.year()).append('-')
                        .append(years.get(last).year()).append("\"><th scope=\"row\">").append(year.year())
                        .append("–").append(years.get(last).year()).append("</th><td data-label=\"Value\">")
                        .append("<span class=\"none\">no data</span></td></tr>\n");
                i = last;
                continue;
            }
            html.append("<tr data-year=\"").append(year.year()).append("\"").append(year.complete() ? ""
                    : " class=\"partial\"").append("><th scope=\"row\">").append(year.year())
                    .append(year.complete() ? "" : " <small class=\"so-far\">so far</small>")
                    .append("</th><td data-label=\"Value\">").append(Cells.value(kpi, year.value(), scale))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static String baseline(Baseline baseline, Format.Scale scale) {
        if (baseline == null || !baseline.hasValue()) {
            return "<span class=\"baseline\">no baseline</span>";
        }
        return "<span class=\"baseline\" data-value=\"" + baseline.value() + "\">baseline " + esc(scale.format(
                baseline.value())) + " (" + esc(baseline.period()) + ")</span>";
    }

    /** {@code ≤ 14.00%} for a reduction, {@code ≥ 50.0%} for a floor. */
    private static String threshold(MilestoneScore m, Format.Scale scale) {
        if (m.threshold() == null) {
            return "no threshold (no baseline)";
        }
        return ("at_least".equals(m.targetType()) ? "≥ " : "≤ ") + esc(scale.format(m.threshold()));
    }
}
