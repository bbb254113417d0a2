package io.pilotwatch.analytics.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.analytics.metrics.ProgrammeMetrics;
import io.pilotwatch.analytics.programme.Programme.CncYear;
import io.pilotwatch.analytics.programme.Programme.Count;
import io.pilotwatch.analytics.programme.Programme.GroupFigures;
import io.pilotwatch.analytics.programme.Programme.Spread;
import io.pilotwatch.analytics.programme.Programme.Tally;
import io.pilotwatch.analytics.store.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The programme's JSON, CSV and metrics carry the model's figures unchanged. */
class ProgrammeExportsTest {

    private static final Programme PROGRAMME = new Programme(List.of(new GroupFigures("east", "East, \"coast\"",
            List.of("p-a", "p-b"), List.of("p-a"),
            List.of(new Tally("all", "2020", LocalDate.of(2020, 12, 31), "assessed", 2, List.of(
                    new Count("met", 1, 0.5, 0.0126, 0.9874, List.of("p-a")),
                    new Count("no_data", 1, 0.5, 0.0126, 0.9874, List.of("p-b"))))),
            List.of(new Spread("defect_rate", "current", 1, 0.4, 0.4, 0.4, 0.4, 0.4, null)),
            List.of(new CncYear(2020, 1, 0.7, null, null, true, 0.5, "inconclusive")))));

    @Test
    void csvHasOneRowPerStandingSpreadAndYear() {
        String[] lines = ProgrammeCsv.write(PROGRAMME).split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", ProgrammeCsv.COLUMNS));
        assertThat(lines).hasSize(5);
        assertThat(lines[1]).isEqualTo("east,tally,all,2020,2020-12-31,assessed,met,2,1,0.5,0.0126,0.9874,p-a"
                + ",,,,,,,,,,,,,,,kpis/2");
        assertThat(lines[3]).isEqualTo("east,reduction,defect_rate,,,,,1,,,,,,current,0.4,0.4,0.4,0.4,0.4,,,,,,,,,kpis/2");
        assertThat(lines[4]).isEqualTo("east,cnc_ratio,cnc_ratio,,,,,1,,,,,,,,,,,,,2020,true,0.7,,,0.5,inconclusive,kpis/2");
    }

    @Test
    void jsonNamesTheDefinitionsAndKeepsTheGroupsName() throws Exception {
        JsonNode json = Json.MAPPER.readTree(ProgrammeJson.write(PROGRAMME, Instant.parse("2026-12-06T00:00:00Z")));
        assertThat(json.get("definitionsVersion").asText()).isEqualTo("kpis/2");
        assertThat(json.at("/groups/0/name").asText()).isEqualTo("East, \"coast\"");
        assertThat(json.at("/groups/0/tallies/0/counts/0/members/0").asText()).isEqualTo("p-a");
        assertThat(json.at("/groups/0/cncRatio/0/indicator").asDouble()).isEqualTo(0.5);
    }

    @Test
    void metricsCarryBoundedLabelsAndWithdrawWhenThereIsNoProgramme() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ProgrammeMetrics metrics = new ProgrammeMetrics(registry);
        metrics.update(Optional.of(PROGRAMME));
        String scrape = registry.scrape();
        assertThat(scrape).contains("analytics_programme_plants{group=\"east\",kpi=\"all\",milestone=\"2020\","
                + "verdict=\"met\"} 1.0");
        assertThat(scrape).contains("analytics_programme_share_upper{group=\"east\",kpi=\"all\",milestone=\"2020\","
                + "verdict=\"no_data\"} 0.9874");
        assertThat(scrape).contains("analytics_programme_group_plants_with_data{group=\"east\"} 1.0");
        assertThat(scrape).contains("analytics_programme_reduction_median{group=\"east\",kpi=\"defect_rate\","
                + "window=\"current\"} 0.4");
        assertThat(scrape).contains("analytics_programme_cnc_ratio{group=\"east\",year=\"2020\"} 0.7");
        assertThat(scrape).doesNotContain("analytics_programme_cnc_ratio_lower");
        assertThat(scrape).contains("analytics_programme_cnc_indicator{year=\"2025\"} 0.64");

        metrics.update(Optional.empty());
        assertThat(registry.scrape()).doesNotContain("analytics_programme_");
    }
}
