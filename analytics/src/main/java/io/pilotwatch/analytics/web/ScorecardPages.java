package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;
import static io.pilotwatch.analytics.web.Html.url;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.programme.Programme;
import io.pilotwatch.analytics.scorecard.PlantDetail;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The evaluator's pages, rendered on the server from the scorecard model (no I/O here): the overview
 * {@code /scorecard}, the programme {@code /scorecard/programme} and a page per plant. Each comes whole, or as its content alone, which the page's
 * script fetches to update itself.
 */
public final class ScorecardPages {

    private final int refreshSeconds;
    private final GrafanaLinks grafana;
    private final OverviewPage overview;
    private final PlantPage plant;

    public ScorecardPages(AnalyticsConfig.Web web) {
        this.refreshSeconds = web.refreshSeconds();
        this.grafana = new GrafanaLinks(web.grafanaUrl());
        this.overview = new OverviewPage(grafana);
        this.plant = new PlantPage(overview, grafana);
    }

    public String overview(List<PlantScorecard> cards, Programme programme) {
        String nav = "<a href=\"/scorecard\" aria-current=\"page\">Scorecard</a> "
                + "<a href=\"/scorecard/programme\" data-link=\"programme\">Programme</a> "
                + "<a href=\"/api/v1/scorecard.csv\" download=\"scorecard.csv\" data-export=\"csv\">CSV</a> "
                + "<a href=\"/api/v1/scorecard\" data-export=\"json\">JSON</a> "
                + "<a href=\"/api/v1/programme.csv\" download=\"programme.csv\" data-export=\"programme-csv\">"
                + "Programme CSV</a> <a href=\"/api/v1/programme\" data-export=\"programme-json\">Programme JSON</a> "
                + grafana.overview();
        return Layout.page("PilotWatch scorecard", "/scorecard/content", refreshSeconds, nav,
                overviewContent(cards, programme));
    }

    /** @param programme built from the same {@code cards}: its group {@code all} heads the page */
    public String overviewContent(List<PlantScorecard> cards, Programme programme) {
        return overview.content(cards, programme);
    }

    /** {@code /scorecard/programme}: every group against its milestones and the national indicator. */
    public String programme(Programme programme) {
        String nav = "<a href=\"/scorecard\">← All plants</a> "
                + "<a href=\"/scorecard/programme\" aria-current=\"page\">Programme</a> "
                + "<a href=\"/api/v1/programme.csv\" download=\"programme.csv\" data-export=\"csv\">CSV</a> "
                + "<a href=\"/api/v1/programme\" data-export=\"json\">JSON</a> "
                + "<a href=\"/api/v1/scorecard/paths.csv\" download=\"paths.csv\" data-export=\"paths-csv\">"
                + "Plants' yearly paths CSV</a> " + grafana.programme();
        return Layout.page("PilotWatch programme", "/scorecard/programme/content", refreshSeconds, nav,
                programmeContent(programme));
    }

    public String programmeContent(Programme programme) {
        return ProgrammePage.content(programme);
    }

    public String plant(PlantDetail detail) {
        String id = detail.card().plant();
        String nav = "<a href=\"/scorecard\">← All plants</a> "
                + "<a href=\"/api/v1/scorecard.csv\" download=\"scorecard.csv\" data-export=\"csv\">CSV</a> "
                + "<a href=\"/api/v1/scorecard/plants/" + esc(url(id)) + "\" data-export=\"json\">JSON</a> "
                + grafana.plant(id);
        return Layout.page("PilotWatch scorecard: " + id, "/scorecard/plants/" + url(id) + "/content", refreshSeconds,
                nav, plantContent(detail));
    }

    public String plantContent(PlantDetail detail) {
        return plant.content(detail);
    }

    /** A short digest of a page's content: the entity tag that tells a polling page whether anything changed. */
    public static String version(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The page of a plant this instance does not know (yet): it turns into the plant's page once data comes. */
    public String unknownPlant(String plant) {
        return Layout.page("PilotWatch scorecard: " + plant, "/scorecard/plants/" + url(plant) + "/content",
                refreshSeconds, "<a href=\"/scorecard\">← All plants</a>", unknownPlantContent(plant));
    }

    /** The content of a page for a plant this instance does not know (or not yet). */
    public static String unknownPlantContent(String plant) {
        return "<h1>No plant " + esc(plant) + "</h1><p>This instance holds no data of this plant (yet). "
                + "<a href=\"/scorecard\">All plants</a></p>";
    }
}
