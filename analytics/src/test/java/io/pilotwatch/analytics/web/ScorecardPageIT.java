package io.pilotwatch.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.analytics.AnalyticsService;
import io.pilotwatch.analytics.VerdictMonths;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.scorecard.CsvRows;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The scorecard in a real headless Chromium, served by the analytics service fed through a real Kafka with
 * {@link VerdictMonths}: the verdicts, progress and projected dates shown and exported are the expected
 * ones, the page follows new data without a reload, and it holds up on a phone and on paper. Screenshots go
 * to {@code target/screenshots/} for a human to look at.
 */
@RealBrokers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScorecardPageIT {

    private static final Duration PROCESSED = Duration.ofSeconds(120);
    private static final String TOPIC = "page-it.telemetry";

    private final VerdictMonths data = new VerdictMonths();
    private KafkaBroker kafka;
    private AnalyticsService service;
    private HeadlessChromium browser;
    private String base;

    @BeforeAll
    void start(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        this.kafka = kafka;
        kafka.createTopic(TOPIC, 2);
        produce(data.records());
        Map<String, String> settings = new HashMap<>(VerdictMonths.settings(dir));
        // A group with a plant that never sends data: the programme page counts it as "no data".
        settings.put("analytics.targets.file", Files.writeString(dir.resolve("targets-groups.yaml"), VerdictMonths.TARGETS
                + "groups:\n  valves:\n    name: Valve makers\n    plants: [cd-valve, nb-pump]\n").toString());
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("kafka.topic.telemetry", TOPIC);
        settings.put("kafka.topic.dlq", "page-it.dlq");
        settings.put("kafka.topic.kpi", "page-it.kpi");
        settings.put("kafka.topic.baselines", "page-it.baselines");
        settings.put("analytics.application.id", "page-it");
        settings.put("analytics.state.dir", dir.resolve("state").toString());
        settings.put("analytics.scorecard.refresh.seconds", "1");
        settings.put("grafana.url", "http://grafana.invalid:3000/");
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        service = AnalyticsService.start(AnalyticsConfig.fromMap(settings));
        base = "http://127.0.0.1:" + service.httpPort();
        // 503 while Kafka Streams restores and starts; then the plant appears once every record is processed.
        await().atMost(PROCESSED).ignoreExceptions().until(() -> CsvRows.row(CsvRows.parse(get("/api/v1/scorecard.csv")),
                VerdictMonths.PLANT, "defect_rate", "m1").get("accepted").equals("306"));
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void verdictCellsAndProgressShowTheExpectedValues() throws Exception {
        browser.driver.get(base + "/scorecard");

        assertThat(verdict("defect_rate", "m1")).isEqualTo("met");
        assertThat(progress("defect_rate", "m1")).isEqualTo("250.0% of target");
        assertThat(verdict("production_cycle", "m1")).isEqualTo("not met");
        assertThat(progress("production_cycle", "m1")).isEqualTo("-333.3% of target");
        assertThat(verdict("operating_cost", "m1")).isEqualTo("inconclusive");
        assertThat(verdict("cnc_ratio", "m1")).isEqualTo("met");
        assertThat(verdict("energy_per_unit", "m1")).isEqualTo("inconclusive");
        assertThat(verdict("defect_rate", "m2")).isEqualTo("inconclusive");
        assertThat(progress("defect_rate", "m2")).isEqualTo(
                "%.1f%% of target".formatted((1 - 9.0 / 201 / 0.2) / 0.5 * 100));
        assertThat(verdict("production_cycle", "m2")).isEqualTo("off track");
        assertThat(cell("production_cycle", "m2").findElements(By.cssSelector("time[data-projected]"))).isEmpty();
        assertThat(verdict("cnc_ratio", "m2")).isEqualTo("off track");
        assertThat(browser.driver.findElement(By.cssSelector(".matrix tr[data-plant='cd-valve'] td[data-kpi='defect_rate']"))
                .getText()).isEqualTo("m1 met m2 inconclusive");
        browser.screenshot("scorecard", 1400);
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(2)
    void exportedCsvHasTheSameVerdictsAndProgressWithTheDefinitionsVersion() throws Exception {
        browser.driver.get(base + "/scorecard");
        String href = browser.driver.findElement(By.cssSelector("a[data-export='csv']")).getAttribute("href");
        List<Map<String, String>> rows = CsvRows.parse(get(URI.create(href).getPath()));

        assertThat(rows).hasSize(9).allSatisfy(row -> assertThat(row).containsEntry("definitions_version", "kpis/2"));
        Map<String, String> defects = CsvRows.row(rows, VerdictMonths.PLANT, "defect_rate", "m1");
        assertThat(defects).containsEntry("verdict", "met").containsEntry("progress", "2.5")
                .containsEntry("threshold", "0.14").containsEntry("baseline", "0.2")
                .containsEntry("baseline_source", "plant report").containsEntry("sample_size", "100");
        assertThat(Double.parseDouble(CsvRows.row(rows, VerdictMonths.PLANT, "production_cycle", "m1").get("progress")))
                .isEqualTo((1 - 7200.0 / 3600) / 0.3);
        assertThat(CsvRows.row(rows, VerdictMonths.PLANT, "production_cycle", "m2"))
                .containsEntry("verdict", "off_track").containsEntry("projected_date", "");
        assertThat(CsvRows.row(rows, VerdictMonths.PLANT, "operating_cost", "m1"))
                .containsEntry("verdict", "inconclusive");
        assertThat(CsvRows.row(rows, VerdictMonths.PLANT, "defect_rate", "m2")).containsEntry("verdict", "inconclusive");
    }

    @Test
    @Order(3)
    void plantPageDrawsTrendChartsAndLinksGrafana() throws Exception {
        browser.driver.get(base + "/scorecard");
        browser.driver.findElement(By.cssSelector("section.plant h2 a")).click();

        await().atMost(Duration.ofSeconds(30)).until(() -> browser.driver.getCurrentUrl().endsWith("/scorecard/plants/cd-valve"));
        List<WebElement> charts = browser.driver.findElements(By.cssSelector("section.trends[data-scope='plant'] figure svg"));
        assertThat(charts).hasSize(6);
        WebElement cycle = browser.driver.findElement(
                By.cssSelector("section.trends[data-scope='plant'] figure[data-kpi='production_cycle'] svg"));
        assertThat(cycle.findElements(By.cssSelector("circle.dot"))).hasSize(4);
        assertThat(cycle.findElements(By.cssSelector("text.ref-label")).stream().map(WebElement::getText))
                .containsExactly("baseline", "m1", "m2");
        assertThat(browser.driver.findElements(By.cssSelector("section.trends[data-scope='line'][data-line='l1'] svg")))
                .hasSize(6);
        assertThat(browser.driver.findElement(By.cssSelector("a.grafana")).getAttribute("href"))
                .isEqualTo("http://grafana.invalid:3000/d/pilotwatch-plant-kpis?var-plant=cd-valve");
        browser.screenshot("plant", 1400);
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(4)
    void phoneShowsEachKpiAsACardAndPrintHidesTheNavigation() throws Exception {
        browser.driver.get(base + "/scorecard");
        browser.viewportScreenshot("scorecard-phone-top", 390, 844);
        browser.screenshot("scorecard-phone", 390);

        assertThat(browser.driver.findElement(By.cssSelector("section.plant table.kpis thead")).isDisplayed()).isFalse();
        assertThat(browser.script("return getComputedStyle(document.querySelector("
                + "\"section.plant tr[data-kpi='defect_rate'] td[data-label='Baseline']\"), '::before').content"))
                .isEqualTo("\"Baseline\"");
        long overflow = (Long) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("horizontal overflow on a phone, px").isLessThanOrEqualTo(0);

        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        browser.emulateMedia("print");
        try {
            assertThat(browser.driver.findElement(By.cssSelector("header.top")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.cssSelector("section.plant table.kpis")).isDisplayed()).isTrue();
            browser.screenshot("scorecard-print", 1100);
        } finally {
            browser.emulateMedia("");
        }
    }

    @Test
    @Order(5)
    void pageFollowsNewDataWithoutAReload() throws Exception {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        browser.driver.get(base + "/scorecard");
        By sample = By.cssSelector("section.plant tr[data-kpi='defect_rate'] td[data-label='Current'] .sample");
        assertThat(browser.driver.findElement(sample).getText()).isEqualTo("n = 201 units");
        browser.script("window.sameDocument = 'yes'");

        produce(data.marchUnits(10));

        // The page swaps its content in when new figures come: an element found just before a swap goes stale.
        await().atMost(PROCESSED).ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(browser.driver.findElement(sample).getText()).isEqualTo("n = 211 units"));
        assertThat(browser.script("return window.sameDocument")).as("no reload happened").isEqualTo("yes");
        assertThat(browser.driver.findElement(By.id("live-status")).getText()).startsWith("live · updated");
        assertThat(browser.driver.findElement(By.cssSelector("section.plant [data-count='accepted']")).getText())
                .isEqualTo("316");
    }

    @Test
    @Order(6)
    void contentIsNotResentWhileUnchangedAndEveryAnswerCarriesTheCsp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(base + "/scorecard/content")).build(),
                HttpResponse.BodyHandlers.ofString());
        String etag = first.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(base + "/scorecard/content"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base
                + "/scorecard/plants/no-such-plant")).build(), HttpResponse.BodyHandlers.ofString());
        String plantJson = get("/api/v1/scorecard/plants/cd-valve");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "script-src 'self'"));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No plant no-such-plant");
        assertThat(plantJson).contains("\"definitionsVersion\":\"kpis/2\"", "\"trends\"", "\"plantMonths\"",
                "\"month\":\"2025-03\"");
    }

    @Test
    @Order(7)
    void overviewOpensWithTheProgrammeAndLinksItsPage() throws Exception {
        browser.driver.get(base + "/scorecard");

        // m1: the plant missed its cycle target; m2: off track on its cycle and CNC ratio (see VerdictMonths).
        assertThat(browser.driver.findElements(By.cssSelector("section.programme-summary li")).stream()
                .map(WebElement::getText)).containsExactly(
                "m1: 0 of 1 plants met every target (due 2025-01-31, assessed)",
                "m2: 0 of 1 plants on track for every target (due 2025-12-31, projected)");
        browser.driver.findElement(By.cssSelector("section.programme-summary a[data-link='programme']")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.driver.getCurrentUrl().endsWith("/scorecard/programme"));
        assertThat(browser.driver.findElement(By.cssSelector("section.group[data-group='all'] h2")).getText())
                .startsWith("All plants");
    }

    @Test
    @Order(8)
    void programmePageShowsTheTalliesAndTheCncRatioByYear() throws Exception {
        browser.driver.get(base + "/scorecard/programme");

        assertThat(tally("all", "all", "m1", "not_met").getText()).startsWith("1 of 1 (100%, 95% CI ")
                .endsWith("cd-valve");
        assertThat(tally("all", "defect_rate", "m1", "met").getAttribute("data-plants")).isEqualTo("1");
        assertThat(tally("all", "production_cycle", "m1", "not_met").getAttribute("data-plants")).isEqualTo("1");
        assertThat(tally("all", "production_cycle", "m2", "off_track").getAttribute("data-plants")).isEqualTo("1");
        // Group valves: cd-valve and nb-pump, which never sent data: 0 of 2 plants 0% (95% CI 0-84%: 1 - 0.025^(1/2)).
        assertThat(tally("valves", "all", "m1", "met").getText()).isEqualTo("0 of 2 (0%, 95% CI 0–84%)");
        assertThat(tally("valves", "all", "m1", "no_data").getText()).startsWith("1 of 2 (50%, ").endsWith("nb-pump");
        assertThat(browser.driver.findElement(By.cssSelector("section.group[data-group='valves'] [data-count='with-data']"))
                .getText()).isEqualTo("1");
        // One plant with key stations k1 (CNC) and k2 (not): 50% in 2024 and in 2025 so far; no interval of one
        // plant, so no verdict against 2025's 64%; no plant's ratio in 2020.
        assertThat(cncCells("all", 2024)).containsExactly("50.0%", "1", "–", "–");
        assertThat(cncCells("all", 2025)).containsExactly("50.0%", "1", "64%", "inconclusive");
        assertThat(cncCells("all", 2020)).containsExactly("no data", "0", "50%", "no data");
        browser.screenshot("programme", 1400);
        browser.viewportScreenshot("programme-phone-top", 390, 844);
        long overflow = (Long) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("horizontal overflow on a phone, px").isLessThanOrEqualTo(0);
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(9)
    void plantPageShowsThePathSinceTheBaseline() throws Exception {
        browser.driver.get(base + "/scorecard/plants/cd-valve");
        WebElement defects = browser.driver.findElement(By.cssSelector("section.path table.path-years[data-kpi='defect_rate']"));

        // December 2024: 6 defective of 100; 2025: 5 defective and 4 reworked of 211 (order 5 added 10 good units).
        assertThat(defects.findElement(By.cssSelector("caption .references")).getText())
                .isEqualTo("baseline 20.0% (2015) · m1 ≤ 14.0% · m2 ≤ 10.0%");
        assertThat(defects.findElement(By.cssSelector("tr.gap")).getText()).isEqualTo("2015–2023 no data");
        assertThat(defects.findElement(By.cssSelector("tr[data-year='2024'] .value")).getAttribute("data-value"))
                .isEqualTo("0.06");
        assertThat(defects.findElement(By.cssSelector("tr[data-year='2025'] .sample")).getText()).isEqualTo("n = 211 units");
        assertThat(defects.findElement(By.cssSelector("tr[data-year='2025'] th")).getText()).isEqualTo("2025 so far");
        browser.screenshot("plant-path", 1400);
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(10)
    void programmePageFollowsNewDataWithoutAReload() throws Exception {
        browser.driver.get(base + "/scorecard/programme");
        By median = By.cssSelector("table.spread[data-group='all'] tr[data-kpi='production_cycle'][data-window='current'] "
                + "td.median");
        // The trailing window's cycle: January 100 units of 7,200 s; February 100, March 11 of 7,000 s.
        assertThat(Double.parseDouble(browser.driver.findElement(median).getAttribute("data-value")))
                .isCloseTo(1 - (100 * 7200.0 + 111 * 7000.0) / 211 / 3600, org.assertj.core.data.Offset.offset(1e-9));
        browser.script("window.sameDocument = 'yes'");
        // The page has asked for its content at least once before the new data: a content route that answered
        // with its first answer forever was seen passing without this wait, and failing with it.
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.driver.findElement(By.id("live-status")).getText()
                .startsWith("live · updated"));

        produce(data.marchUnits(10));

        await().atMost(PROCESSED).ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(Double.parseDouble(browser.driver.findElement(median)
                        .getAttribute("data-value"))).isCloseTo(1 - (100 * 7200.0 + 121 * 7000.0) / 221 / 3600,
                        org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(browser.script("return window.sameDocument")).as("no reload happened").isEqualTo("yes");
        assertThat(browser.driver.findElement(By.id("live-status")).getText()).startsWith("live · updated");
        assertThat(get("/api/v1/programme")).contains("\"definitionsVersion\":\"kpis/2\"", "\"id\":\"valves\"");
    }

    private WebElement tally(String group, String kpi, String milestone, String standing) {
        return browser.driver.findElement(By.cssSelector("td[data-group='" + group + "'][data-kpi='" + kpi
                + "'][data-milestone='" + milestone + "'][data-standing='" + standing + "']"));
    }

    private List<String> cncCells(String group, int year) {
        return browser.driver.findElements(By.cssSelector("table.cnc[data-group='" + group + "'] tr[data-year='" + year
                + "'] td")).stream().map(WebElement::getText).toList();
    }

    private WebElement cell(String kpi, String milestone) {
        return browser.driver.findElement(By.cssSelector("section.plant[data-plant='cd-valve'] tr[data-kpi='" + kpi
                + "'] td.milestone[data-milestone='" + milestone + "']"));
    }

    private String verdict(String kpi, String milestone) {
        return cell(kpi, milestone).findElement(By.cssSelector(".badge")).getText();
    }

    private String progress(String kpi, String milestone) {
        return cell(kpi, milestone).findElement(By.cssSelector(".progress-text")).getText();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of " + path).isEqualTo(200);
        return response.body();
    }

    private void produce(List<Map.Entry<byte[], byte[]>> records) throws Exception {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Map.Entry<byte[], byte[]> record : records) {
                sent.add(producer.send(new ProducerRecord<>(TOPIC, record.getKey(), record.getValue())));
            }
            for (java.util.concurrent.Future<?> ack : sent) {
                ack.get();
            }
        }
    }
}
