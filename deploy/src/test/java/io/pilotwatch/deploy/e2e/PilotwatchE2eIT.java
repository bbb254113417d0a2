package io.pilotwatch.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The promises of issue 6 checked against the real Prometheus of {@link E2ePipeline}. Tolerances (also in
 * docs/operations.md): the simulator's truth is rounded (ratios to 6 decimals, money to 4, seconds to 3), so
 * KPIs agree within 1e-6 absolute + 1e-5 relative; percentiles come from a sketch, within 5e-4 relative of
 * the exact nearest-rank value; OEE components of a window that holds the end of the data count open state
 * time up to the last event instead of the end of the run, within 1e-4 relative.
 */
class PilotwatchE2eIT extends E2ePipeline {

    private static final List<String> TARGETED = List.of("defect_rate", "production_cycle", "operating_cost",
            "energy_per_unit", "cnc_ratio");
    private static final List<String> ALL_KPIS = List.of("defect_rate", "production_cycle", "production_cycle_p50",
            "production_cycle_p90", "operating_cost", "energy_per_unit", "cnc_ratio", "availability", "performance",
            "quality", "oee");
    private static final Map<String, Double> REDUCTION_M1 = Map.of("defect_rate", 0.30, "production_cycle", 0.30,
            "operating_cost", 0.30, "energy_per_unit", 0.18);
    private static final Map<String, Double> REDUCTION_M2 = Map.of("defect_rate", 0.50, "production_cycle", 0.50,
            "operating_cost", 0.50, "energy_per_unit", 0.34);
    private static final Map<String, Double> CNC_FLOOR = Map.of("m1", 0.50, "m2", 0.64);
    /** The scenario's intended outcome: whether each plant meets m1 and m2 (every targeted KPI). */
    private static final Map<String, boolean[]> INTENDED = Map.of(
            "nb-pump", new boolean[] {true, true},
            "wx-bearing", new boolean[] {true, false},
            "xa-casting", new boolean[] {false, false});

    @Test
    void prometheusScrapesBothServicesWithTheRepositoryJobs() {
        assertThat(PromValues.all(prometheus, "up == 1").keySet()).containsExactlyInAnyOrder(
                "{instance=" + ingestTarget + ", job=pilotwatch-ingest}",
                "{instance=" + analyticsTarget + ", job=pilotwatch-analytics}");
    }

    @Test
    void ingestCountsEqualWhatTheSimulatorPublished() {
        // Two messages by hand after the simulator: the late unit and the USD cost, both valid for the bridge.
        assertThat(PromValues.single(prometheus, "sum(ingest_messages_received_total)"))
                .isEqualTo(truth.messages("published") + 2);
        assertThat(PromValues.single(prometheus, "sum(ingest_messages_forwarded_total)"))
                .isEqualTo(truth.messages("valid") + 2);
        assertThat(PromValues.single(prometheus, "sum(ingest_messages_rejected_total)"))
                .isEqualTo(truth.messages("malformed/total"));
        assertThat(PromValues.single(prometheus, "sum(analytics_events_duplicate_total)"))
                .isEqualTo(truth.messages("duplicates/total"));
        assertThat(truth.messages("duplicates/total")).isPositive();
        assertThat(truth.messages("malformed/total")).isPositive();
    }

    @Test
    void kpisInPrometheusEqualTheGroundTruth() {
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (String plant : truth.plants()) {
            // Baselines learned from January; assessed milestones over February (m1) and March (m2).
            for (String kpi : TARGETED) {
                compared += compare(soft, "analytics_baseline{plant=\"" + plant + "\", kpi=\"" + kpi + "\"}",
                        truth.plantPeriod(plant, "2024-01"), kpi, false);
                compared += compare(soft, "analytics_milestone_kpi{plant=\"" + plant + "\", kpi=\"" + kpi
                        + "\", milestone=\"m1\"}", truth.plantPeriod(plant, "2024-02"), kpi, false);
                compared += compare(soft, "analytics_milestone_kpi{plant=\"" + plant + "\", kpi=\"" + kpi
                        + "\", milestone=\"m2\"}", truth.plantPeriod(plant, "2024-03"), kpi, false);
            }
            soft.assertThat(PromValues.single(prometheus, "analytics_milestone_kpi_sample_size{plant=\"" + plant
                    + "\", kpi=\"defect_rate\", milestone=\"m2\"}")).as("%s units in March", plant)
                    .isEqualTo(truth.plantPeriod(plant, "2024-03").at("/units/total").asLong());
            // The current month (April, partial) and the year, plant and lines, every KPI.
            for (String[] window : new String[][] {{"month", "2024-04"}, {"year", "2024"}}) {
                for (String kpi : ALL_KPIS) {
                    compared += compare(soft, "analytics_plant_kpi{plant=\"" + plant + "\", kpi=\"" + kpi
                            + "\", window=\"" + window[0] + "\"}", truth.plantPeriod(plant, window[1]), kpi, true);
                    for (String line : truth.lines(plant)) {
                        compared += compare(soft, "analytics_line_kpi{plant=\"" + plant + "\", line=\"" + line
                                + "\", kpi=\"" + kpi + "\", window=\"" + window[0] + "\"}",
                                truth.linePeriod(plant, line, window[1]), kpi, true);
                    }
                }
                JsonNode categories = truth.plantPeriod(plant, window[1]).at("/cost/CNY/byCategory");
                for (var category : (Iterable<Map.Entry<String, JsonNode>>) categories::fields) {
                    JsonNode perGood = category.getValue().get("perGoodUnit");
                    String query = "analytics_plant_cost_per_good_unit{plant=\"" + plant + "\", category=\""
                            + category.getKey() + "\", window=\"" + window[0] + "\"}";
                    if (category.getValue().get("total").asDouble() > 0) {
                        soft.assertThat(PromValues.single(prometheus, query)).as(query)
                                .isCloseTo(perGood.asDouble(), within(tolerance(perGood.asDouble(), 1e-5)));
                        compared++;
                    }
                }
            }
        }
        soft.assertAll();
        // 3 plants x (15 targeted + 2 windows x 11 KPIs x 3 scopes + cost categories): a guard against
        // comparing nothing because a query silently returned no series.
        assertThat(compared).isGreaterThan(3 * (15 + 2 * 11 * 3));
    }

    @Test
    void verdictsAreTheIntendedOnesAndTheGroundTruthImpliesThem() {
        Map<String, String> expected = new TreeMap<>();
        for (String plant : truth.plants()) {
            boolean[] meets = INTENDED.get(plant);
            for (String kpi : TARGETED) {
                expected.put(plant + " " + kpi + " m1", meets[0] ? "met" : "not_met");
                expected.put(plant + " " + kpi + " m2", meets[1] ? "met" : "not_met");
            }
        }
        Map<String, String> actual = new TreeMap<>();
        Set<String> m3States = new TreeSet<>();
        for (JsonNode series : prometheus.query("analytics_verdict == 1")) {
            JsonNode m = series.get("metric");
            String milestone = m.get("milestone").asText();
            if (milestone.equals("m3")) {
                m3States.add(m.get("state").asText());
            } else {
                actual.put(m.get("plant").asText() + " " + m.get("kpi").asText() + " " + milestone,
                        m.get("state").asText());
            }
        }
        assertThat(actual).isEqualTo(expected);
        // m3 is open: judged by projection, never assessed.
        assertThat(m3States).isNotEmpty().isSubsetOf("on_track", "off_track", "inconclusive");

        // The intended verdicts follow from the truth's own values: each point value is on the side of the
        // threshold (computed from the truth's January baseline) that the verdict says.
        Map<String, String> implied = new TreeMap<>();
        for (String plant : truth.plants()) {
            JsonNode january = truth.plantPeriod(plant, "2024-01");
            for (String[] m : new String[][] {{"m1", "2024-02"}, {"m2", "2024-03"}}) {
                JsonNode month = truth.plantPeriod(plant, m[1]);
                for (String kpi : TARGETED) {
                    double value = GroundTruth.kpi(month, kpi, "CNY").orElseThrow();
                    boolean met = kpi.equals("cnc_ratio") ? value >= CNC_FLOOR.get(m[0])
                            : value <= GroundTruth.kpi(january, kpi, "CNY").orElseThrow()
                                    * (1 - (m[0].equals("m1") ? REDUCTION_M1 : REDUCTION_M2).get(kpi));
                    implied.put(plant + " " + kpi + " " + m[0], met ? "met" : "not_met");
                }
            }
        }
        assertThat(implied).isEqualTo(expected);
    }

    /**
     * The programme of the scenario's three plants, from the intended outcome: m1 met (every target) by two plants,
     * m2 by one; in Prometheus and in the line atop the scorecard page. Seen failing with the page counting the
     * plants not met as met.
     */
    @Test
    void programmeCountsThePlantsThatMetEveryTarget() throws Exception {
        long metM1 = INTENDED.values().stream().filter(met -> met[0]).count();
        long metM2 = INTENDED.values().stream().filter(met -> met[1]).count();
        String met = "analytics_programme_plants{group=\"all\", kpi=\"all\", verdict=\"met\", milestone=\"%s\"}";

        assertThat(PromValues.single(prometheus, met.formatted("m1"))).isEqualTo(metM1);
        assertThat(PromValues.single(prometheus, met.formatted("m2"))).isEqualTo(metM2);
        assertThat(PromValues.single(prometheus, "analytics_programme_group_plants{group=\"all\"}"))
                .isEqualTo(INTENDED.size());
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + analyticsTarget + "/scorecard/content")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body().replaceAll("<[^>]+>", "")).contains(
                "m1: " + metM1 + " of " + INTENDED.size() + " plants met every target",
                "m2: " + metM2 + " of " + INTENDED.size() + " plants met every target");
    }

    @Test
    void everyDashboardQueryReturnsData() throws Exception {
        List<String> empty = new ArrayList<>();
        int checked = 0;
        for (JsonNode dashboard : DashboardQueries.dashboards(DASHBOARDS)) {
            List<DashboardQueries.Query> queries = new ArrayList<>(DashboardQueries.panelTargets(dashboard));
            queries.addAll(DashboardQueries.variableQueries(dashboard));
            for (Map<String, String> variables : variableValues(dashboard)) {
                for (DashboardQueries.Query query : queries) {
                    String expr = query.substitute(variables);
                    if (!hasNumbers(expr)) {
                        empty.add(query.dashboard() + " / " + query.where() + " with " + variables + ": " + expr);
                    }
                    checked++;
                }
            }
        }
        assertThat(empty).as("queries without data").isEmpty();
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void everyRecordingRuleReturnsData() throws Exception {
        List<String> empty = new ArrayList<>();
        List<RuleFiles.Rule> records = RuleFiles.read(PROMETHEUS_DIR.resolve("rules")).stream()
                .filter(r -> !r.isAlert()).toList();
        for (RuleFiles.Rule rule : records) {
            if (!hasNumbers(rule.record())) {
                empty.add(rule.record());
            }
        }
        assertThat(empty).as("recording rules without data").isEmpty();
        assertThat(records).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void alertRulesAreLoadedAndHealthyAndThePipelineAlertsAreQuiet() throws Exception {
        List<RuleFiles.Rule> alerts = RuleFiles.read(PROMETHEUS_DIR.resolve("rules")).stream()
                .filter(RuleFiles.Rule::isAlert).toList();
        assertThat(alerts).extracting(RuleFiles.Rule::component).containsOnly("pipeline", "pilot");

        // Prometheus loaded every rule of the files and evaluates each without error.
        Map<String, String> health = new LinkedHashMap<>();
        for (JsonNode group : prometheus.rules().get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                health.put(rule.get("name").asText(), rule.get("health").asText() + " "
                        + rule.path("lastError").asText(""));
            }
        }
        for (RuleFiles.Rule alert : alerts) {
            assertThat(health).as("rule %s loaded", alert.name()).containsKey(alert.name());
            assertThat(health.get(alert.name()).trim()).as(alert.name()).isEqualTo("ok");
            prometheus.query(alert.expr()); // throws on a parse error
        }

        // Pipeline health: no alert's condition holds, none pending or firing.
        for (RuleFiles.Rule alert : alerts) {
            if (alert.component().equals("pipeline")) {
                assertThat(prometheus.query(alert.expr())).as("%s: %s", alert.name(), alert.expr()).isEmpty();
            }
        }
        List<String> active = new ArrayList<>();
        for (JsonNode alert : prometheus.alerts().get("alerts")) {
            if ("pipeline".equals(alert.at("/labels/component").asText())) {
                active.add(alert.at("/labels/alertname").asText() + " " + alert.get("state").asText());
            }
        }
        assertThat(active).as("active pipeline alerts").isEmpty();

        // The pilot alerts see what the scenario built: the unmet milestones, and no plant worse than its baseline.
        Set<String> notMet = new TreeSet<>();
        for (JsonNode series : prometheus.query(alert(alerts, "PilotMilestoneNotMet").expr())) {
            notMet.add(series.at("/metric/plant").asText() + " " + series.at("/metric/milestone").asText());
        }
        assertThat(notMet).containsExactly("wx-bearing m2", "xa-casting m1", "xa-casting m2");
        assertThat(prometheus.query(alert(alerts, "PilotKpiRegressed").expr())).isEmpty();
        assertThat(prometheus.query(alert(alerts, "PilotPlantSilent").expr())).isEmpty();
    }

    private static RuleFiles.Rule alert(List<RuleFiles.Rule> alerts, String name) {
        return alerts.stream().filter(a -> a.alert().equals(name)).findFirst().orElseThrow();
    }

    /**
     * The template variable values to try: single-valued variables take each of their values, multi-valued
     * ones their "All" value; a custom variable takes each option, except that {@code window} takes month and
     * year (the trailing window has no percentiles, by definition). Grafana's interval variables cover the run.
     */
    private static List<Map<String, String>> variableValues(JsonNode dashboard) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>(Map.of("__rate_interval", "10m", "__interval", "15s",
                "__range", "10m")));
        for (JsonNode variable : dashboard.at("/templating/list")) {
            String name = variable.get("name").asText();
            List<String> values = new ArrayList<>();
            switch (variable.get("type").asText()) {
                case "datasource" -> {
                    continue;
                }
                case "custom" -> {
                    for (String option : variable.get("query").asText().split(",")) {
                        if (!name.equals("window") || !option.equals("trailing")) {
                            values.add(option);
                        }
                    }
                }
                default -> {
                    if (variable.path("includeAll").asBoolean()) {
                        values.add(variable.get("allValue").asText());
                    } else if (name.equals("plant")) {
                        values.addAll(truth.plants());
                    } else if (name.equals("group")) {
                        // The programme group every analytics has; the e2e targets define no other. The programme
                        // row was seen failing here with a panel asking for kpi="every" instead of "all".
                        values.add("all");
                    } else {
                        throw new IllegalStateException("no test values for variable " + name);
                    }
                }
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : values) {
                    Map<String, String> copy = new LinkedHashMap<>(combination);
                    copy.put(name, value);
                    next.add(copy);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /**
     * Whether the query returns at least one series with a number (NaN is no data to look at), now (every
     * event processed) or when the simulator had just published everything: on a loaded machine processing
     * may end more than 5 minutes after the traffic, when rates and latency percentiles over 5 minutes are
     * 0 or NaN again, as they are for a real plant that stopped sending.
     */
    private static boolean hasNumbers(String promql) {
        return hasNumbersAt(promql, null) || hasNumbersAt(promql, publishedAt);
    }

    private static boolean hasNumbersAt(String promql, Instant time) {
        return PromValues.all(prometheus, promql, time).values().stream().anyMatch(v -> !v.isNaN());
    }

    /** Compares one series with the truth; returns 1 if compared, 0 if both have no value. */
    private static int compare(SoftAssertions soft, String query, JsonNode period, String kpi, boolean endOfData) {
        OptionalDouble expected = GroundTruth.kpi(period, kpi, "CNY");
        Map<String, Double> actual = PromValues.all(prometheus, query);
        if (expected.isEmpty()) {
            soft.assertThat(actual).as("%s: the truth has no value", query).isEmpty();
            return 0;
        }
        soft.assertThat(actual).as(query).hasSize(1);
        if (actual.size() == 1) {
            double relative = kpi.endsWith("_p50") || kpi.endsWith("_p90") ? 5e-4
                    : endOfData && Set.of("availability", "performance", "oee").contains(kpi) ? 1e-4 : 1e-5;
            soft.assertThat(actual.values().iterator().next()).as(query)
                    .isCloseTo(expected.getAsDouble(), within(
                            tolerance(expected.getAsDouble(), relative)));
        }
        return 1;
    }

    private static double tolerance(double expected, double relative) {
        return 1e-6 + relative * Math.abs(expected);
    }
}
