package io.pilotwatch.analytics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pilotwatch.analytics.store.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardJsonTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void scorecardNamesTheDefinitionsVersionAtTheTopAndPerPlant() throws Exception {
        JsonNode json = Json.MAPPER.readTree(ScorecardJson.write(List.of(SampleCards.hostile()), NOW));

        assertThat(json.path("generatedAt").asText()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(json.path("definitionsVersion").asText()).isEqualTo("kpis/2");
        JsonNode plant = json.path("plants").path(0);
        assertThat(plant.path("plant").asText()).isEqualTo(SampleCards.PLANT);
        assertThat(plant.path("definitionsVersion").asText()).isEqualTo("kpis/2");
        JsonNode kpi = plant.path("kpis").path(0);
        assertThat(kpi.path("kpi").asText()).isEqualTo("defect_rate");
        assertThat(kpi.path("baseline").path("source").asText()).isEqualTo(SampleCards.SOURCE);
        JsonNode milestone = kpi.path("milestones").path(0);
        assertThat(milestone.path("verdict").asText()).isEqualTo("off_track");
        assertThat(milestone.path("progress").asDouble()).isEqualTo(0.5);
        assertThat(milestone.path("projectedDate").asText()).isEqualTo("2027-04-16");
        assertThat(milestone.path("value").path("lower").asDouble()).isEqualTo(0.03);
        assertThat(plant.path("completeness").path("rejected").path("bad_json").asLong()).isEqualTo(2);
    }

    @Test
    void plantDetailCarriesTheMonthlyTrendsOfThePlantAndEachLine() throws Exception {
        JsonNode json = Json.MAPPER.readTree(ScorecardJson.write(SampleCards.hostileDetail(), NOW));

        assertThat(json.path("definitionsVersion").asText()).isEqualTo("kpis/2");
        assertThat(json.path("plant").path("plant").asText()).isEqualTo(SampleCards.PLANT);
        JsonNode months = json.path("trends").path("plantMonths").path("defect_rate");
        assertThat(months.path(0).path("month").asText()).isEqualTo("2025-02");
        assertThat(months.path(0).path("complete").asBoolean()).isTrue();
        assertThat(months.path(1).path("complete").asBoolean()).isFalse();
        assertThat(months.path(1).path("value").path("sampleSize").asLong()).isEqualTo(110);
        assertThat(json.path("trends").path("lines").path(SampleCards.LINE).path("defect_rate")).hasSize(2);
    }
}
