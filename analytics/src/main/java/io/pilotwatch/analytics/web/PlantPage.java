package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MonthValue;
import io.pilotwatch.analytics.scorecard.PlantDetail;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.PlantTrends;
import io.pilotwatch.analytics.scorecard.WindowFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /scorecard/plants/{plant}}: the plant's table, its monthly trend per KPI against the baseline and the
 * milestones' thresholds, its yearly path since the baseline, then the monthly trends per line, and the full data completeness. Lines have no baselines of
 * their own: their charts show the plant's, for reference.
 */
final class PlantPage {

    private final OverviewPage overview;
    private final GrafanaLinks grafana;

    PlantPage(OverviewPage overview, GrafanaLinks grafana) {
        this.overview = overview;
        this.grafana = grafana;
    }

    String content(PlantDetail detail) {
        PlantScorecard card = detail.card();
        PlantTrends trends = detail.trends();
        StringBuilder html = new StringBuilder("<h1>Plant <span data-plant=\"").append(esc(card.plant())).append("\">")
                .append(esc(card.plant())).append("</span> ").append(grafana.plant(card.plant())).append("</h1>\n")
                .append(overview.meta(card))
                .append(CompletenessView.summary(card.completeness())).append(PlantTable.render(card));
        html.append("<section class=\"trends\" data-scope=\"plant\"><h2>Monthly trend of the plant</h2>\n")
                .append(charts(card, trends.plantMonths(), 320, 150, "charts")).append("</section>\n");
        html.append(PathTable.render(card));
        html.append(lines(card, trends));
        html.append("<section class=\"data\"><h2>Data completeness</h2>")
                .append(CompletenessView.details(card.completeness(), card.timezone())).append("</section>\n");
        return html.toString();
    }

    private String lines(PlantScorecard card, PlantTrends trends) {
        StringBuilder html = new StringBuilder("<section class=\"lines\"><h2>Lines</h2>\n<table class=\"line-kpis\">"
                + "<thead><tr><th scope=\"col\">Line</th>");
        PlantTrends.KPIS.forEach(kpi -> html.append("<th scope=\"col\">").append(esc(Format.kpiName(kpi))).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, List<WindowFigures>> line : card.lines().entrySet()) {
            WindowFigures trailing = Rows.trailing(line.getValue());
            html.append("<tr data-line=\"").append(esc(line.getKey())).append("\"><th scope=\"row\">")
                    .append(esc(line.getKey())).append(' ').append(grafana.line(card.plant(), line.getKey()))
                    .append("</th>");
            for (Kpi kpi : PlantTrends.KPIS) {
                html.append("<td data-label=\"").append(esc(Format.kpiName(kpi))).append("\" data-kpi=\"")
                        .append(kpi.wireName()).append("\">")
                        .append(Cells.value(kpi, trailing.values().get(kpi), card.currency())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
        trends.lines().forEach((line, months) -> html.append("<section class=\"trends\" data-scope=\"line\" data-line=\"")
                .append(esc(line)).append("\"><h3>Line ").append(esc(line))
                .append(" <small>monthly, against the plant's baseline and targets</small></h3>\n")
                .append(charts(card, months, 260, 120, "charts small")).append("</section>\n"));
        return html.append("</section>\n").toString();
    }

    private static String charts(PlantScorecard card, Map<Kpi, List<MonthValue>> months, int width, int height,
                                 String cssClass) {
        StringBuilder html = new StringBuilder("<div class=\"" + cssClass + "\">");
        for (Kpi kpi : PlantTrends.KPIS) {
            html.append("<figure data-kpi=\"").append(kpi.wireName()).append("\"><figcaption>")
                    .append(esc(Format.kpiName(kpi))).append("</figcaption>")
                    .append(TrendChart.svg(kpi, card.currency(), months.getOrDefault(kpi, List.of()),
                            references(card, kpi), width, height))
                    .append("</figure>");
        }
        return html.append("</div>\n").toString();
    }

    /** The baseline and each milestone's threshold, where known. */
    private static List<TrendChart.Reference> references(PlantScorecard card, Kpi kpi) {
        List<TrendChart.Reference> references = new ArrayList<>();
        Optional<KpiScore> score = Rows.score(card, kpi);
        score.map(KpiScore::baseline).filter(Baseline::hasValue)
                .ifPresent(b -> references.add(new TrendChart.Reference("baseline", b.value(), "baseline")));
        score.ifPresent(s -> s.milestones().stream().filter(m -> m.threshold() != null).forEach(m ->
                references.add(new TrendChart.Reference(m.milestone(), m.threshold(), "target"))));
        return references;
    }
}
