package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;
import static io.pilotwatch.analytics.web.Html.url;

import java.util.Optional;

/**
 * Links to the Grafana dashboards of deploy/ (uids {@code pilotwatch-scorecard}, {@code pilotwatch-plant-kpis},
 * {@code pilotwatch-pipeline}; variables {@code plant} and {@code line}); no links without a Grafana URL.
 */
final class GrafanaLinks {

    static final String SCORECARD = "pilotwatch-scorecard";
    static final String PLANT_KPIS = "pilotwatch-plant-kpis";
    static final String PIPELINE = "pilotwatch-pipeline";

    private final Optional<String> base;

    GrafanaLinks(Optional<String> base) {
        this.base = base;
    }

    /** The overview page's links: the scorecard and pipeline dashboards. */
    String overview() {
        return base.map(b -> link(b, SCORECARD, "", "Grafana: scorecard") + " "
                + link(b, PIPELINE, "", "Grafana: pipeline")).orElse("");
    }

    /** The programme page's link: the scorecard dashboard, whose "Programme" row holds the programme's series. */
    String programme() {
        return base.map(b -> link(b, SCORECARD, "", "Grafana: programme")).orElse("");
    }

    String plant(String plant) {
        return base.map(b -> link(b, PLANT_KPIS, "?var-plant=" + url(plant), "Grafana: plant KPIs")).orElse("");
    }

    String line(String plant, String line) {
        return base.map(b -> link(b, PLANT_KPIS, "?var-plant=" + url(plant) + "&var-line=" + url(line), "Grafana"))
                .orElse("");
    }

    private static String link(String base, String uid, String query, String text) {
        return "<a class=\"grafana\" href=\"" + esc(base + "/d/" + uid + query) + "\">" + esc(text) + "</a>";
    }
}
