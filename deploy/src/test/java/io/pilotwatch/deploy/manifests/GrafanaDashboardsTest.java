package io.pilotwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.analytics.metrics.ProgrammeMetrics;
import io.pilotwatch.analytics.programme.Programme;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboards' structure (their PromQL is checked against a real Prometheus by PilotwatchE2eIT): the uids
 * other parts link to, the template variables, unique panel ids, one data source, links that resolve, and the
 * programme row's metric names.
 */
class GrafanaDashboardsTest {

    private static final Path DIR = Path.of("grafana");
    private static final Pattern DASHBOARD_LINK = Pattern.compile("/d/([a-z0-9-]+)");
    private static final Pattern PROGRAMME_METRIC = Pattern.compile("analytics_programme_[a-z_]+");
    private static Map<String, JsonNode> dashboards;

    @BeforeAll
    static void read() throws IOException {
        dashboards = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : List.of("pilotwatch-scorecard.json", "pilotwatch-plant-kpis.json", "pilotwatch-pipeline.json")) {
            JsonNode d = json.readTree(DIR.resolve("dashboards").resolve(file).toFile());
            dashboards.put(d.get("uid").asText(), d);
        }
    }

    @Test
    void theThreeDashboardsHaveTheUidsTheScorecardPageLinksTo() {
        assertThat(dashboards).containsOnlyKeys("pilotwatch-scorecard", "pilotwatch-plant-kpis", "pilotwatch-pipeline");
    }

    @Test
    void plantAndLineVariablesExistWhereTheDataHasThem() {
        for (JsonNode d : dashboards.values()) {
            assertThat(variables(d)).as(d.get("uid").asText()).contains("plant", "datasource");
        }
        assertThat(variables(dashboards.get("pilotwatch-plant-kpis"))).contains("line", "window");
    }

    @Test
    void panelsHaveUniqueIdsAndQueryTheProvisionedDataSource() throws IOException {
        JsonNode datasource = Yaml.documents(DIR.resolve("provisioning/datasources/pilotwatch.yml"), true).get(0)
                .at("/datasources/0");
        for (JsonNode d : dashboards.values()) {
            Set<Integer> ids = new HashSet<>();
            int targets = 0;
            for (JsonNode panel : d.get("panels")) {
                assertThat(ids.add(panel.get("id").asInt())).as("%s panel id %s", d.get("uid"), panel.get("id")).isTrue();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.at("/datasource/uid").asText()).isEqualTo("${datasource}");
                    assertThat(target.get("expr").asText()).isNotBlank();
                    targets++;
                }
            }
            assertThat(targets).as(d.get("uid").asText()).isGreaterThan(5);
            JsonNode variable = d.at("/templating/list/0");
            assertThat(variable.get("name").asText()).isEqualTo("datasource");
            assertThat(variable.at("/current/value").asText()).isEqualTo(datasource.get("uid").asText());
        }
    }

    @Test
    void everyDashboardLinkPointsToOneOfTheThree() {
        for (JsonNode d : dashboards.values()) {
            List<String> linked = new ArrayList<>();
            Matcher m = DASHBOARD_LINK.matcher(d.toString());
            while (m.find()) {
                linked.add(m.group(1));
            }
            assertThat(linked).as(d.get("uid").asText()).isNotEmpty();
            assertThat(dashboards.keySet()).containsAll(linked);
        }
    }

    /**
     * The programme row queries series that the analytics exports (a renamed metric would leave a panel empty until
     * the end-to-end test runs): every {@code analytics_programme_*} name of the dashboards is in a scrape of
     * {@link ProgrammeMetrics} fed a programme with every kind of figure. Seen failing with a panel querying
     * {@code analytics_programme_cnc_mean}.
     */
    @Test
    void programmeRowQueriesSeriesTheAnalyticsExports() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ProgrammeMetrics(registry).update(Optional.of(new Programme(List.of(new Programme.GroupFigures("all",
                "All plants", List.of("a", "b"), List.of("a", "b"),
                List.of(new Programme.Tally("all", "m1", LocalDate.of(2020, 12, 31), "assessed", 2,
                        List.of(new Programme.Count("met", 2, 1.0, 0.158, 1.0, List.of("a", "b"))))),
                List.of(new Programme.Spread("defect_rate", "current", 2, 0.4, 0.35, 0.45, 0.3, 0.5, null)),
                List.of(new Programme.CncYear(2020, 2, 0.6, 0.5, 0.7, true, 0.5, "met")))))));
        Set<String> exported = programmeNames(registry.scrape());
        Set<String> queried = new TreeSet<>();
        dashboards.values().forEach(d -> queried.addAll(programmeNames(d.toString())));

        assertThat(queried).contains("analytics_programme_plants", "analytics_programme_cnc_ratio",
                "analytics_programme_cnc_indicator", "analytics_programme_reduction_median");
        assertThat(exported).containsAll(queried);
        assertThat(variables(dashboards.get("pilotwatch-scorecard"))).contains("group");
    }

    private static Set<String> programmeNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PROGRAMME_METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static List<String> variables(JsonNode dashboard) {
        List<String> names = new ArrayList<>();
        dashboard.at("/templating/list").forEach(v -> names.add(v.get("name").asText()));
        return names;
    }
}
