package io.pilotwatch.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.scorecard.SampleCards;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Ids, sources and reasons with markup come out as text: no element, attribute or URL of theirs survives. */
class PageEscapingTest {

    private final ScorecardPages pages = new ScorecardPages(new AnalyticsConfig.Web(Optional.of("http://g:3000"), 10));

    @Test
    void overviewShowsHostileTextAsText() {
        Document page = Jsoup.parse(pages.overview(List.of(SampleCards.hostile())));

        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("script").attr("src")).isEqualTo("/static/scorecard.js");
        assertThat(page.select("img, b")).isEmpty();
        assertThat(page.selectFirst("section.plant h2 a:not(.grafana)").text()).isEqualTo(SampleCards.PLANT);
        assertThat(page.selectFirst("section.plant").attr("data-plant")).isEqualTo(SampleCards.PLANT);
        assertThat(page.selectFirst(".provenance").text()).contains("report, \"audited\" <b>2015</b>");
        assertThat(page.selectFirst("td.milestone").attr("data-milestone")).isEqualTo(SampleCards.MILESTONE);
        assertThat(page.selectFirst("td.milestone .badge").attr("title")).isEqualTo("trend <misses> the target");
        assertThat(page.selectFirst("section.plant h2 a:not(.grafana)").attr("href"))
                .isEqualTo("/scorecard/plants/%3Cscript%3Ealert%28%27p%27%29%3C%2Fscript%3E");
        assertThat(page.select("a.grafana").eachAttr("href"))
                .contains("http://g:3000/d/pilotwatch-plant-kpis?var-plant=%3Cscript%3Ealert%28%27p%27%29%3C%2Fscript%3E");
    }

    @Test
    void plantPageShowsHostileTextAsText() {
        String html = pages.plant(SampleCards.hostileDetail());
        Document page = Jsoup.parse(html);

        assertThat(html).doesNotContain("<script>alert", "<img src=x", "<b>2015", "<1>");
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("img, b")).isEmpty();
        assertThat(page.selectFirst("table.line-kpis tbody tr").attr("data-line")).isEqualTo(SampleCards.LINE);
        assertThat(page.select("section.trends[data-scope=line] h3").text()).startsWith("Line " + SampleCards.LINE);
        assertThat(page.select("svg text.ref-label").eachText()).contains(SampleCards.MILESTONE);
        assertThat(page.selectFirst("main").attr("data-src"))
                .isEqualTo("/scorecard/plants/%3Cscript%3Ealert%28%27p%27%29%3C%2Fscript%3E/content");
    }

    @Test
    void unknownPlantPageEscapesTheRequestedId() {
        Document page = Jsoup.parse(pages.unknownPlant("<img src=x onerror=alert(1)>"));

        assertThat(page.select("img")).isEmpty();
        assertThat(page.selectFirst("h1").text()).isEqualTo("No plant <img src=x onerror=alert(1)>");
    }
}
