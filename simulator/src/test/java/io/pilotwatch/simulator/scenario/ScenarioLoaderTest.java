package io.pilotwatch.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {

    /** A small valid scenario; each error case below changes one thing in it. */
    static final String VALID = """
            from: 2015-01-01
            until: 2016-01-01
            plants:
              - id: p1
                lines:
                  - id: l1
                    ratePerHour: 2
                    stations:
                      - {id: s1, process: milling, keyProcess: true, cnc: false, idealCycleSeconds: 600}
                      - {id: s2, process: assembly, idealCycleSeconds: 900}
                    baseline:
                      defect: {probability: 0.05, split: {defect: 0.5, scrap: 0.5}}
                      cycle: {meanSeconds: 3600, cv: 0.2}
                      costPerUnit: {labor: 10}
                      machine: {mtbfHours: 100, setupEveryHours: 24}
                    interventions:
                      - {date: 2015-06, stations: [s1], defect: 0.8}
            """;

    private final ScenarioLoader loader = new ScenarioLoader();

    @Test
    void loadsTheShippedDefaultScenario() {
        Scenario scenario = loader.load("default");
        assertThat(scenario.name()).isEqualTo("default");
        assertThat(scenario.plants()).extracting(PlantSpec::id).containsExactly("hz-gearbox", "sz-motor", "cd-valve");
        assertThat(scenario.fromDate()).hasToString("2015-01-01");
        assertThat(scenario.untilDate()).hasToString("2027-01-01");
    }

    @Test
    void appliesDefaults() {
        Scenario scenario = parse(VALID);
        PlantSpec plant = scenario.plants().get(0);
        assertThat(scenario.name()).isEqualTo("test");
        assertThat(scenario.seed()).isEqualTo(1L);
        assertThat(plant.timezone()).isEqualTo("Asia/Shanghai");
        assertThat(plant.currency()).isEqualTo("CNY");
        LineSpec line = plant.lines().get(0);
        assertThat(line.arrivals()).isEqualTo("poisson");
        assertThat(line.costIntervalHours()).isEqualTo(24);
        assertThat(line.stations().get(1).keyProcess()).isFalse();
        assertThat(line.baseline().cycle().distribution()).isEqualTo("lognormal");
        assertThat(line.baseline().costNoise()).isEqualTo(0.05);
        assertThat(line.baseline().machine().mttrHours()).isEqualTo(2.0);
        assertThat(line.baseline().machine().setupMinutes()).isEqualTo(30.0);
        InterventionSpec intervention = line.interventions().get(0);
        assertThat(intervention.day()).hasToString("2015-06-01");
        assertThat(intervention.cnc()).as("listed stations become CNC by default").isTrue();
        assertThat(intervention.cycle()).isEqualTo(1.0);
    }

    static Stream<Arguments> errors() {
        String station = "plants[0].lines[0].stations[0]";
        String baseline = "plants[0].lines[0].baseline";
        String intervention = "plants[0].lines[0].interventions[0]";
        return Stream.of(
                error("until: 2016-01-01", "until: 2016-01-01\nseeed: 3", "seeed",
                        "unknown field 'seeed', expected one of description, from, name, plants, seed, until"),
                error("idealCycleSeconds: 600", "idealCycle: 600", station + ".idealCycle", "unknown field 'idealCycle'"),
                error("idealCycleSeconds: 600", "idealCycleSeconds: fast", station + ".idealCycleSeconds",
                        "expected a number, got 'fast'"),
                error("idealCycleSeconds: 600", "idealCycleSeconds: \"600\"", station + ".idealCycleSeconds",
                        "expected a number, got '600'"),
                error(", idealCycleSeconds: 600", "", station + ".idealCycleSeconds", "required: expected a number > 0"),
                error("idealCycleSeconds: 600", "idealCycleSeconds: -5", station + ".idealCycleSeconds",
                        "expected a number > 0 and <= 1000000, got -5"),
                error("idealCycleSeconds: 600", "idealCycleSeconds: 3000", station + ".idealCycleSeconds",
                        "expected an ideal cycle of at most 3600 / ratePerHour = 1800 s"),
                error("cnc: false", "cnc: \"no\"", station + ".cnc", "expected true or false"),
                error("id: s1", "id: 12", station + ".id", "expected a string"),
                error("id: s1", "id: S 1", station + ".id", "expected an id matching [a-z0-9][a-z0-9_-]{0,63}"),
                error("id: s2", "id: s1", "plants[0].lines[0].stations[1].id", "expected a unique id"),
                error("process: milling, ", "", station + ".process", "required: expected a string"),
                error("- id: p1", "- id: p1\n    timezone: Mars/Olympus", "plants[0].timezone",
                        "expected an IANA time zone such as Asia/Shanghai, got 'Mars/Olympus'"),
                error("- id: p1", "- id: p1\n    currency: yuan", "plants[0].currency",
                        "expected an ISO 4217 code of three capital letters"),
                error("ratePerHour: 2", "ratePerHour: 0", "plants[0].lines[0].ratePerHour", "expected a number > 0"),
                error("ratePerHour: 2", "ratePerHour: 2\n        arrivals: burst", "plants[0].lines[0].arrivals",
                        "expected poisson or uniform, got 'burst'"),
                error("ratePerHour: 2", "ratePerHour: 2\n        costIntervalHours: 5",
                        "plants[0].lines[0].costIntervalHours", "expected a divisor of 24"),
                error("probability: 0.05", "probability: 1.5", baseline + ".defect.probability",
                        "expected a number from 0 to 1, got 1.5"),
                error("scrap: 0.5}", "scrap: 0.4}", baseline + ".defect.split",
                        "expected shares defect + scrap + rework = 1"),
                error("cycle: {meanSeconds", "cycle: {distribution: weibull, meanSeconds", baseline + ".cycle.distribution",
                        "expected lognormal or constant, got 'weibull'"),
                error("costPerUnit: {labor: 10}", "costPerUnit: {labor: -10}", baseline + ".costPerUnit.labor",
                        "expected an amount from 0 to"),
                error("setupEveryHours: 24", "setupEveryHours: 24, setupMinutes: 1500", baseline + ".machine.setupMinutes",
                        "expected less than setupEveryHours"),
                error("          cycle: {meanSeconds: 3600, cv: 0.2}\n", "", baseline + ".cycle",
                        "required: expected a mapping with meanSeconds"),
                error("until: 2016-01-01", "until: 2014-01-01", "until", "expected a date after from"),
                error("from: 2015-01-01", "from: 2015-13-01", "from", "expected a date YYYY-MM-DD, got '2015-13-01'"),
                error("date: 2015-06", "date: 2015-6", intervention + ".date",
                        "expected a date YYYY-MM or YYYY-MM-DD, got '2015-6'"),
                error("stations: [s1]", "stations: [s9]", intervention + ".stations[0]",
                        "expected the id of a station of line 'l1' (one of s1, s2), got 's9'"),
                error("stations: [s1], defect: 0.8", "cnc: true", intervention + ".stations",
                        "expected the stations that cnc, keyProcess or idealCycleSeconds apply to"),
                error("defect: 0.8}", "defect: 0}", intervention + ".defect", "expected a number > 0"),
                error("defect: 0.8}", "defect: 30}", intervention + ".defect",
                        "expected a factor that keeps the defect probability <= 1"),
                error("defect: 0.8}", "defect: 0.8, cost: {labour: 0.9}}", intervention + ".cost.labour",
                        "unknown field 'labour'"),
                error("    lines:", "    lines: []\n    ignored:", "plants[0].ignored", "unknown field"),
                error("plants:", "plants: []\nunused:", "unused", "unknown field 'unused'"),
                error("from: 2015-01-01", "from: 2015-01-01\nfrom: 2015-02-01", "", "field appears twice: 'from'"),
                error("plants:", "plants: [", "", "not valid YAML: while parsing a flow node; expected the node content"));
    }

    @ParameterizedTest(name = "{2}: {3}")
    @MethodSource("errors")
    void namesTheFileTheFieldAndWhatWasExpected(String find, String replace, String path, String expectation) {
        assertThat(VALID).contains(find);
        String yaml = VALID.replace(find, replace);
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("invalid scenario test.yaml:")
                .hasMessageContaining(path.isEmpty() ? expectation : path + ": " + expectation);
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        String yaml = VALID.replace("ratePerHour: 2", "ratePerHour: -1").replace("id: s2", "id: S2");
        assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(ScenarioException.class, e ->
                assertThat(e.problems()).extracting(ScenarioException.Problem::path)
                        .containsExactly("plants[0].lines[0].ratePerHour", "plants[0].lines[0].stations[1].id"));
    }

    @Test
    void namesAFileThatDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(missing.toString()))
                .hasMessageContaining(missing.toString()).hasMessageContaining("file not found");
    }

    @Test
    void loadsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plants.yaml");
        Files.writeString(file, VALID);
        assertThat(loader.load(file.toString()).name()).isEqualTo("plants");
        Files.writeString(file, VALID.replace("ratePerHour: 2", "ratePerHour: x"));
        assertThatThrownBy(() -> loader.load(file.toString()))
                .hasMessageStartingWith("invalid scenario " + file + ":")
                .hasMessageContaining("plants[0].lines[0].ratePerHour: expected a number, got 'x' (line 7");
    }

    private static Arguments error(String find, String replace, String path, String expectation) {
        return Arguments.of(find, replace, path, expectation);
    }

    private Scenario parse(String yaml) {
        return loader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", "test");
    }
}
