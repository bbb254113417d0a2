package io.pilotwatch.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.VerdictMonths;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.programme.Programme;
import io.pilotwatch.analytics.programme.ProgrammeBuilder;
import io.pilotwatch.analytics.scorecard.PlantDetail;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardBuilder;
import io.pilotwatch.analytics.topology.TopologyHarness;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The pages rendered from a real scorecard (the topology under TopologyTestDriver), parsed back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardPagesTest {

    private static final AnalyticsConfig.Web GRAFANA = new AnalyticsConfig.Web(Optional.of("http://grafana:3000"), 7);

    TopologyHarness harness;
    PlantDetail detail;

    @BeforeAll
    void run(@TempDir Path dir) throws IOException {
        harness = new TopologyHarness(dir.resolve("state"), VerdictMonths.settings(dir));
        new VerdictMonths().records().forEach(record -> harness.send(record.getKey(), record.getValue()));
        detail = new ScorecardBuilder(harness.data(), harness.config, TopologyHarness.WALL_CLOCK::toEpochMilli)
                .detail(VerdictMonths.PLANT).orElseThrow();
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void overviewShowsEachVerdictWithItsProgressAndProjectedDate() {
        Document page = Jsoup.parse(new ScorecardPages(GRAFANA).overview(List.of(detail.card()), programme(List.of(detail.card()))));
        Element plant = page.selectFirst("section.plant[data-plant=cd-valve]");

        assertThat(milestone(plant, "defect_rate", "m1").selectFirst(".badge").text()).isEqualTo("met");
        assertThat(milestone(plant, "defect_rate", "m1").selectFirst(".progress").attr("data-progress")).isEqualTo("2.5");
        assertThat(milestone(plant, "defect_rate", "m1").selectFirst(".progress-text").text())
                .isEqualTo("250.0% of target");
        assertThat(milestone(plant, "defect_rate", "m1").selectFirst(".target").text()).isEqualTo("target −30.0% → ≤ 14.00%");
        assertThat(milestone(plant, "production_cycle", "m1").selectFirst(".badge").text()).isEqualTo("not met");
        assertThat(milestone(plant, "production_cycle", "m1").selectFirst(".progress-text").text())
                .isEqualTo("-333.3% of target");
        assertThat(milestone(plant, "operating_cost", "m1").selectFirst(".badge").attr("title"))
                .contains("data on 3 days", "minimum 20");
        // Its point estimate is past the target, but the bar takes the verdict's colour, not "reached".
        assertThat(milestone(plant, "operating_cost", "m1").selectFirst("rect.fill").attr("width")).isEqualTo("100.0");
        assertThat(milestone(plant, "operating_cost", "m1").selectFirst("rect.fill").classNames())
                .contains("v-inconclusive");
        assertThat(milestone(plant, "energy_per_unit", "m1").text()).contains("inconclusive", "no baseline");
        // The defect rate's line is below 0 by the due date: no claim (VerdictsTest has the derivation).
        assertThat(milestone(plant, "defect_rate", "m2").selectFirst(".badge").text()).isEqualTo("inconclusive");
        assertThat(milestone(plant, "production_cycle", "m2").selectFirst(".badge").text()).isEqualTo("off track");
        // It would reach its threshold only beyond the 12-month horizon: no date.
        assertThat(milestone(plant, "production_cycle", "m2").select("time[data-projected]")).isEmpty();
        assertThat(milestone(plant, "cnc_ratio", "m2").text()).contains("off track", "wholly below the threshold", "does not reach the target within the horizon");
        // The at-a-glance matrix has the same verdicts.
        assertThat(page.select(".matrix tr[data-plant=cd-valve] td[data-kpi=defect_rate] .badge").eachText())
                .containsExactly("m1 met", "m2 inconclusive");
    }

    @Test
    void overviewShowsBaselineCurrentValueWithIntervalSampleAndCompleteness() {
        Element plant = Jsoup.parse(new ScorecardPages(GRAFANA).overviewContent(List.of(detail.card()), programme(List.of(detail.card()))))
                .selectFirst("section.plant");
        Element defects = plant.selectFirst("tr[data-kpi=defect_rate]");

        assertThat(defects.selectFirst("td[data-label=Baseline]").text()).isEqualTo("20.00% treated as exact 2015 · plant report · configured · v1");
        // 10 defective of 201 units over the trailing 90 days; Wilson interval around it.
        assertThat(defects.selectFirst("td[data-label=Current] .value").attr("data-value")).isEqualTo(String.valueOf(9.0 / 201));
        assertThat(defects.selectFirst("td[data-label=Current] .sample").text()).isEqualTo("n = 201 units");
        assertThat(defects.selectFirst("td[data-label=Current] .interval").text()).matches("\\[\\d\\.\\d\\d, \\d\\.\\d\\d]");
        assertThat(plant.selectFirst("tr[data-kpi=oee] td[data-label=Baseline]").text()).isEqualTo("no target");
        assertThat(plant.selectFirst("[data-count=accepted]").text()).isEqualTo("306");
        assertThat(plant.selectFirst("[data-count=late]").text()).isEqualTo("0");
        assertThat(plant.select("table.kpis tbody tr:not(.group) td").eachAttr("data-label")).doesNotContain("");
    }

    @Test
    void pagesAreOfflineAndLinkGrafanaOnlyWhenConfigured() {
        Document with = Jsoup.parse(new ScorecardPages(GRAFANA).plant(detail));
        Document without = Jsoup.parse(new ScorecardPages(new AnalyticsConfig.Web(Optional.empty(), 7)).plant(detail));

        assertThat(with.select("script[src], link[href]").eachAttr("src").stream()
                .filter(src -> !src.isEmpty())).allMatch(src -> src.startsWith("/static/"));
        assertThat(with.select("link[href]").eachAttr("href")).containsExactly("/static/favicon.svg",
                "/static/scorecard.css");
        assertThat(with.select("script").size()).isEqualTo(1);
        assertThat(with.selectFirst("main").attr("data-src")).isEqualTo("/scorecard/plants/cd-valve/content");
        assertThat(with.selectFirst("main").attr("data-refresh-seconds")).isEqualTo("7");
        // The polling script sends this version back: unchanged content must be recognised as such (304).
        assertThat(with.selectFirst("main").attr("data-version"))
                .isEqualTo("\"" + ScorecardPages.version(new ScorecardPages(GRAFANA).plantContent(detail)) + "\"");
        assertThat(with.select("a.grafana").eachAttr("href")).contains(
                "http://grafana:3000/d/pilotwatch-plant-kpis?var-plant=cd-valve",
                "http://grafana:3000/d/pilotwatch-plant-kpis?var-plant=cd-valve&var-line=l1");
        assertThat(without.select("a.grafana")).isEmpty();
    }

    @Test
    void plantPageChartsEveryKpiPerMonthAgainstBaselineAndThresholds() {
        Document page = Jsoup.parse(new ScorecardPages(GRAFANA).plantContent(detail));
        Elements plantCharts = page.select("section.trends[data-scope=plant] figure");
        Element defects = page.selectFirst("section.trends[data-scope=plant] figure[data-kpi=defect_rate] svg");

        assertThat(plantCharts.eachAttr("data-kpi")).containsExactly("operating_cost", "production_cycle",
                "defect_rate", "cnc_ratio", "energy_per_unit", "oee");
        // December, January, February complete; March so far.
        assertThat(defects.select("circle.dot").size()).isEqualTo(4);
        assertThat(defects.select("circle.dot.partial").size()).isEqualTo(1);
        assertThat(defects.select("circle.dot title").eachText()).containsExactly("2024-12: 6.0% · n = 100 units",
                "2025-01: 5.0% · n = 100 units",
                "2025-02: 4.0% · n = 100 units", "2025-03 (so far): 0.0% · n = 1 unit");
        assertThat(defects.select("text.ref-label").eachText()).containsExactly("baseline", "m1", "m2");
        assertThat(page.select("section.trends[data-scope=line][data-line=l1] figure")).hasSize(6);
        assertThat(page.selectFirst("table.line-kpis tr[data-line=l1] td[data-kpi=defect_rate] .sample").text())
                .isEqualTo("n = 201 units");
        assertThat(page.selectFirst("dl.completeness-details").text()).contains("Clock of line l1", "2025-03-03 10:00");
    }

    @Test
    void overviewWithoutPlantsSaysWhy() {
        String content = new ScorecardPages(GRAFANA).overviewContent(List.of(), programme(List.of()));

        assertThat(Jsoup.parse(content).selectFirst("p.empty").text()).startsWith("No plant has sent data yet");
    }

    /** VerdictMonths' one plant as a programme: m1 not met (its cycle), m2 off track (its cycle and CNC ratio). */
    @Test
    void overviewHeadsWithTheProgrammeOfItsPlants() {
        Document page = Jsoup.parse(new ScorecardPages(GRAFANA).overviewContent(List.of(detail.card()),
                programme(List.of(detail.card()))));

        assertThat(page.select("section.programme-summary li").eachText()).containsExactly(
                "m1: 0 of 1 plants met every target (due 2025-01-31, assessed)",
                "m2: 0 of 1 plants on track for every target (due 2025-12-31, projected)");
    }

    /**
     * The one plant's programme: m1 not met overall (its cycle), the CNC ratio of its two key stations (one CNC) is
     * 0.5 in 2024 and 2025, with one plant no interval: inconclusive against 2025's 64%.
     */
    @Test
    void programmePageOfOnePlant() {
        Document page = Jsoup.parse(new ScorecardPages(GRAFANA).programmeContent(programme(List.of(detail.card()))));

        assertThat(page.selectFirst("td[data-group=all][data-kpi=all][data-milestone=m1][data-standing=not_met]").text())
                .startsWith("1 of 1 (100%, 95% CI ").endsWith("–100%) cd-valve"); // lower 0.025: on a rounding edge
        assertThat(page.selectFirst("td[data-group=all][data-kpi=defect_rate][data-milestone=m1][data-standing=met]")
                .attr("data-plants")).isEqualTo("1");
        assertThat(page.selectFirst("table.cnc tr[data-year=2024]").select("td").eachText())
                .containsExactly("50.0%", "1", "–", "–");
        assertThat(page.selectFirst("table.cnc tr[data-year=2025]").select("td").eachText())
                .containsExactly("50.0%", "1", "64%", "inconclusive");
        assertThat(page.selectFirst("table.cnc tr[data-year=2020]").select("td").eachText())
                .containsExactly("no data", "0", "50%", "no data");
        // The trailing window's cycle: January 100 units of 7,200 s, February 100 and March 1 of 7,000 s.
        assertThat(Double.parseDouble(page.selectFirst("table.spread tr[data-kpi=production_cycle][data-window=current] "
                + "td.median").attr("data-value"))).isCloseTo(1 - (100 * 7200.0 + 101 * 7000.0) / 201 / 3600,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    /** December 2024: 6 of 100 defective; 2025 so far: 5 defective and 4 reworked of 201; 2015-2023 empty. */
    @Test
    void plantPathFromTheBaselineYear() {
        Document page = Jsoup.parse(new ScorecardPages(GRAFANA).plantContent(detail));
        Element defects = page.selectFirst("table.path-years[data-kpi=defect_rate]");

        assertThat(defects.select("tbody tr").eachText()).containsExactly("2015–2023 no data",
                defects.selectFirst("tr[data-year=2024]").text(), defects.selectFirst("tr[data-year=2025]").text());
        assertThat(defects.selectFirst("tr[data-year=2024] .value").attr("data-value")).isEqualTo("0.06");
        assertThat(defects.selectFirst("tr[data-year=2024] .sample").text()).isEqualTo("n = 100 units");
        assertThat(defects.selectFirst("tr[data-year=2025] .value").attr("data-value")).isEqualTo(String.valueOf(9.0 / 201));
        assertThat(defects.selectFirst("tr[data-year=2025]").hasClass("partial")).isTrue();
        assertThat(defects.selectFirst("caption .references").text()).isEqualTo("baseline 20.0% (2015) · m1 ≤ 14.0% · m2 ≤ 10.0%");
    }

    private Programme programme(List<PlantScorecard> cards) {
        return new ProgrammeBuilder(harness.config.targets()).build(cards);
    }

    private static Element milestone(Element plant, String kpi, String milestone) {
        return plant.selectFirst("tr[data-kpi=" + kpi + "] td.milestone[data-milestone=" + milestone + "]");
    }
}
