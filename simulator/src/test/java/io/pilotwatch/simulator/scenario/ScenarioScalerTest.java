package io.pilotwatch.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScenarioScalerTest {

    private final Scenario scenario = new ScenarioLoader().parse(
            ScenarioLoaderTest.VALID.getBytes(StandardCharsets.UTF_8), "test.yaml", "test");

    @Test
    void keepsTheScenarioWithFactorsOfOne() {
        assertThat(ScenarioScaler.scale(scenario, 1, 1, 1.0)).isSameAs(scenario);
    }

    @Test
    void copiesPlantsAndStationsWithDerivedIds() {
        Scenario scaled = ScenarioScaler.scale(scenario, 3, 2, 0.5);
        assertThat(scaled.plants()).extracting(PlantSpec::id).containsExactly("p1", "p1-c2", "p1-c3");
        LineSpec line = scaled.plants().get(2).lines().get(0);
        assertThat(line.stations()).extracting(StationSpec::id).containsExactly("s1", "s1-c2", "s2", "s2-c2");
        assertThat(line.ratePerHour()).isEqualTo(1.0);
        assertThat(line.interventions().get(0).stations()).as("a retrofit applies to every copy")
                .containsExactly("s1", "s1-c2");
    }

    @Test
    void rejectsCopiesWhoseIdsBecomeTooLong() {
        Scenario longIds = new ScenarioLoader().parse(ScenarioLoaderTest.VALID.replace("id: p1", "id: " + "p".repeat(62))
                .getBytes(StandardCharsets.UTF_8), "test.yaml", "test");
        assertThatThrownBy(() -> ScenarioScaler.scale(longIds, 2, 1, 1.0))
                .hasMessageContaining("scaled by --plants 2")
                .hasMessageContaining("plants[1].id: expected an id matching");
    }

    @Test
    void rejectsARateThatTheStationsCannotKeepUpWith() {
        assertThatThrownBy(() -> ScenarioScaler.scale(scenario, 1, 1, 10))
                .hasMessageContaining("expected an ideal cycle of at most 3600 / ratePerHour");
    }
}
