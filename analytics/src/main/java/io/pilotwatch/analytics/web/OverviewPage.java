package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;
import static io.pilotwatch.analytics.web.Html.url;

import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.programme.Programme;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code /scorecard}: the programme in one line per milestone, every plant's verdicts at a glance (plants x KPIs),
 * then each plant's table.
 */
final class OverviewPage {

    private final GrafanaLinks grafana;

    OverviewPage(GrafanaLinks grafana) {
        this.grafana = grafana;
    }

    String content(List<PlantScorecard> cards, Programme programme) {
        StringBuilder html = new StringBuilder("<h1>Pilot plant scorecard</h1>\n<p class=\"meta\">Definitions <strong "
                + "data-definitions=\"" + PlantScorecard.DEFINITIONS_VERSION + "\">" + PlantScorecard.DEFINITIONS_VERSION
                + "</strong> · current values over the trailing window · verdicts with 95% intervals</p>\n");
        if (cards.isEmpty()) {
            return html.append("<p class=\"empty\">No plant has sent data yet (or this instance holds none of the "
                    + "plants: with several instances each shows the plants it processes).</p>").toString();
        }
        html.append(ProgrammePage.summary(programme)).append(glance(cards));
        for (PlantScorecard card : cards) {
            html.append("<section class=\"plant\" id=\"plant-").append(esc(card.plant())).append("\" data-plant=\"")
                    .append(esc(card.plant())).append("\">\n<h2><a href=\"").append(plantHref(card.plant())).append("\">")
                    .append(esc(card.plant())).append("</a> ").append(grafana.plant(card.plant())).append("</h2>\n")
                    .append(meta(card))
                    .append(CompletenessView.summary(card.completeness())).append(PlantTable.render(card))
                    .append("</section>\n");
        }
        return html.toString();
    }

    /** The plant's clock, zone, currency and definition sources. */
    String meta(PlantScorecard card) {
        return "<p class=\"meta\">Clock <time datetime=\"" + card.clock() + "\">"
                + esc(Format.localTime(card.clock(), card.timezone())) + "</time> " + esc(card.timezone())
                + " · currency " + esc(card.currency()) + " · targets: " + esc(card.targetsSource()) + " · baselines: "
                + esc(card.baselinesSource()) + "</p>\n";
    }

    static String plantHref(String plant) {
        return "/scorecard/plants/" + esc(url(plant));
    }

    private static String glance(List<PlantScorecard> cards) {
        List<Kpi> kpis = Stream.concat(Rows.PRIMARY.stream(), Rows.SECONDARY.stream())
                .filter(kpi -> kpi.targeted()).toList();
        StringBuilder html = new StringBuilder("<section class=\"glance\"><h2>At a glance</h2>\n<table class=\"matrix\">"
                + "<thead><tr><th scope=\"col\">Plant</th>");
        kpis.forEach(kpi -> html.append("<th scope=\"col\">").append(esc(Format.kpiName(kpi))).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (PlantScorecard card : cards) {
            html.append("<tr data-plant=\"").append(esc(card.plant())).append("\"><th scope=\"row\"><a href=\"")
                    .append(plantHref(card.plant())).append("\">").append(esc(card.plant())).append("</a></th>");
            for (Kpi kpi : kpis) {
                html.append("<td data-label=\"").append(esc(Format.kpiName(kpi))).append("\" data-kpi=\"")
                        .append(kpi.wireName()).append("\">");
                Optional<KpiScore> score = Rows.score(card, kpi);
                score.ifPresent(s -> s.milestones().forEach(m -> html.append(badge(m))));
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody></table></section>\n").toString();
    }

    private static String badge(MilestoneScore m) {
        return "<span class=\"badge v-" + m.verdict().wireName() + "\" data-milestone=\"" + esc(m.milestone())
                + "\" data-verdict=\"" + m.verdict().wireName() + "\" title=\"" + esc(m.reason()) + "\">"
                + esc(m.milestone()) + " " + Cells.label(m.verdict()) + "</span> ";
    }
}
