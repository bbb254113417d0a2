package io.pilotwatch.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.analytics.config.DefinitionFileException;
import io.pilotwatch.analytics.kpi.Kpi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesFileTest {

    @TempDir
    Path dir;

    @Test
    void builtInPlanLearnsEveryBaselineFrom2015() {
        Baseline expected = BaselinesFile.builtIn().forPlant("hz-gearbox").expected("hz-gearbox", Kpi.DEFECT_RATE);

        assertThat(expected.method()).isEqualTo(Baseline.LEARNED);
        assertThat(expected.learnFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(expected.learnTo()).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(expected.version()).isEqualTo(1);
    }

    @Test
    void configuredValuesAndPlantPeriodsAreRead() throws IOException {
        BaselinePlan plan = BaselinesFile.load(write("""
                plants:
                  new-pilot:
                    learnFrom: 2024-01-01
                    learnTo: 2024-06-30
                    version: 3
                    configured:
                      defect_rate: {value: 0.08, period: "2015", source: "audit", version: 2}
                """));

        PlantBaselines pilot = plan.forPlant("new-pilot");
        assertThat(pilot.expected("new-pilot", Kpi.PRODUCTION_CYCLE).learnTo()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(pilot.expected("new-pilot", Kpi.PRODUCTION_CYCLE).version()).isEqualTo(3);
        assertThat(pilot.expected("new-pilot", Kpi.DEFECT_RATE).value()).isEqualTo(0.08);
        assertThat(pilot.expected("new-pilot", Kpi.DEFECT_RATE).version()).isEqualTo(2);
        assertThat(plan.forPlant("other").learnFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
    }

    @Test
    void configuredValueWithoutSourceOrOfZeroFailsNamingTheKey() throws IOException {
        Path noSource = write("""
                plants:
                  p1:
                    configured:
                      defect_rate: {value: 0.08, period: "2015"}
                """);
        Path zero = write("""
                defaults:
                  configured:
                    operating_cost: {value: 0, period: "2015", source: "audit"}
                """);

        assertThatThrownBy(() -> BaselinesFile.load(noSource)).isInstanceOf(DefinitionFileException.class)
                .hasMessage("baselines file '" + noSource + "', key 'plants.p1.configured.defect_rate.source': "
                        + "is required");
        assertThatThrownBy(() -> BaselinesFile.load(zero))
                .hasMessageContaining("key 'defaults.configured.operating_cost.value': must be greater than 0");
    }

    @Test
    void learningPeriodEndingBeforeItStartsFails() throws IOException {
        Path file = write("""
                defaults: {learnFrom: 2016-01-01, learnTo: 2015-12-31}
                """);

        assertThatThrownBy(() -> BaselinesFile.load(file)).hasMessageContaining("key 'defaults.learnTo': must not be before");
    }

    @Test
    void startCheckRefusesToMoveAFrozenBaselineWithoutANewVersion() throws IOException {
        BaselinePlan moved = BaselinesFile.load(write("""
                defaults: {learnFrom: 2016-01-01, learnTo: 2016-12-31}
                """));
        Baseline frozen = BaselinesFile.builtIn().forPlant("p1").expected("p1", Kpi.DEFECT_RATE);
        Map<String, Baseline> published = Map.of(Baseline.key("p1", Kpi.DEFECT_RATE), frozen);

        assertThatThrownBy(() -> BaselineCheck.requireConsistent(moved, published))
                .isInstanceOf(DefinitionFileException.class)
                .hasMessageContaining("key 'defaults.version'")
                .hasMessageContaining("raise the version to re-baseline");
    }

    @Test
    void startCheckAcceptsTheSameDefinitionOrAHigherVersion() throws IOException {
        Baseline frozen = BaselinesFile.builtIn().forPlant("p1").expected("p1", Kpi.DEFECT_RATE);
        Map<String, Baseline> published = Map.of(Baseline.key("p1", Kpi.DEFECT_RATE), frozen);
        BaselinePlan bumped = BaselinesFile.load(write("""
                defaults: {learnFrom: 2016-01-01, learnTo: 2016-12-31, version: 2}
                """));

        BaselineCheck.requireConsistent(BaselinesFile.builtIn(), published);
        BaselineCheck.requireConsistent(bumped, published);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "baselines", ".yaml"), yaml);
    }
}
