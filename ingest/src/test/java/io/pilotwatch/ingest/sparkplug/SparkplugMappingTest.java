package io.pilotwatch.ingest.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.ingest.sparkplug.SparkplugMapping.Mapped;
import io.pilotwatch.ingest.sparkplug.SparkplugMapping.Unmapped;
import io.pilotwatch.support.config.ConfigException;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.StationId;
import io.pilotwatch.telemetry.UnitResult;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkplugMappingTest {

    private static final String MINIMAL = """
            metrics:
              state: {metric: Machine/State}
            """;

    @Test
    void theDocumentedExampleLoads() {
        SparkplugMapping mapping = SparkplugMapping.load(Path.of("../docs/sparkplug-mapping.example.yaml"));

        assertThat(mapping.unit()).get().satisfies(unit -> {
            assertThat(unit.id()).isEqualTo("Production/UnitId");
            assertThat(unit.resultValues()).containsEntry("NOK", UnitResult.DEFECT);
        });
        assertThat(mapping.state()).get().extracting(s -> s.values().get("0")).isEqualTo(MachineState.OFF);
        assertThat(mapping.costs()).extracting(SparkplugMapping.CostMetric::category)
                .containsExactly(CostCategory.ENERGY, CostCategory.LABOR, CostCategory.MATERIAL,
                        CostCategory.MAINTENANCE, CostCategory.OTHER);
    }

    @Test
    void identitiesMapThroughTheTablesOrAsTheyAre() {
        SparkplugMapping mapping = SparkplugMapping.load(Path.of("../docs/sparkplug-mapping.example.yaml"));

        assertThat(mapping.station("Hangzhou-Gearbox", "Line-1", Optional.of("EOL")))
                .isEqualTo(new Mapped(new StationId("hz-gearbox", "l1", "eol")));
        assertThat(mapping.station("sz-motor", "l2", Optional.of("press")))
                .isEqualTo(new Mapped(new StationId("sz-motor", "l2", "press")));
        assertThat(mapping.station("Shenzhen", "l2", Optional.of("press"))).isInstanceOf(Unmapped.class)
                .extracting(u -> ((Unmapped) u).detail()).asString().contains("identity.plants");
        assertThat(mapping.station("sz-motor", "l2", Optional.empty())).isInstanceOf(Unmapped.class);
    }

    @Test
    void theEdgeNodesOwnMetricsMapToNodeStationWhenSet() {
        SparkplugMapping mapping = SparkplugMapping.parse("m.yaml", "identity: {nodeStation: gateway}\n" + MINIMAL);

        assertThat(mapping.station("p1", "l1", Optional.empty()))
                .isEqualTo(new Mapped(new StationId("p1", "l1", "gateway")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "metrics: {unit: {id: U, result: R, cycleStart: S, colour: C}}|metrics.unit.colour|not a known key",
        "metrics: {unit: {id: U, result: R}}|metrics.unit.cycleStart|is required",
        "metrics: {state: {metric: S, values: {1: sleeping}}}|metrics.state.values.1|'sleeping' is not one of",
        "metrics: {state: {metric: S, values: {0: off}}}|metrics.state.values.0|quote the value",
        "metrics: {costs: [{metric: C, category: fuel, currency: CNY}]}|metrics.costs[0].category|'fuel' is not one of",
        "metrics: {costs: [{metric: C, category: energy}]}|metrics.costs[0]|needs 'currency'",
        "metrics: {costs: [{metric: C, category: energy, currency: yuan}]}|metrics.costs[0].currency|ISO 4217",
        "identity: {plants: {Hangzhou: HZ}}\\nmetrics: {}|identity.plants.Hangzhou|not a valid id",
        "metrics: {state: {metric: X}, costs: [{metric: X, category: labor, currency: CNY}]}|metrics|mapped twice",
        "identity: {}|metrics|is required",
        "metrics: [1, 2]|metrics|must be a mapping",
        "metrics: {unit: {id: U, result: R, cycleStart: [a, b]}}|metrics.unit.cycleStart|non-empty string",
    })
    void aBadMappingFailsNamingTheFileTheKeyAndTheProblem(String yaml, String key, String problem) {
        assertThatThrownBy(() -> SparkplugMapping.parse("plant.yaml", yaml.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sparkplug.mapping.file")
                .hasMessageContaining("mapping file 'plant.yaml', key '" + key + "'")
                .hasMessageContaining(problem);
    }

    @Test
    void anUnreadableFileIsNamed() {
        assertThatThrownBy(() -> SparkplugMapping.parse("broken.yaml", "metrics: {unit: [}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("broken.yaml");
    }
}
