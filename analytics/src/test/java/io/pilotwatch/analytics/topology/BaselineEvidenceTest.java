package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.metrics.ScorecardMetrics;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardCsv;
import io.pilotwatch.analytics.scorecard.ScorecardJson;
import io.pilotwatch.analytics.verdict.Verdict;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.UnitResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's first two defects, as plants that behave like real ones: inputs that are never reported, data that
 * start late, a thin learning period, a learned value of 0. Learning period January to March 2025 (the default
 * minimums: 30 units, 7 days, 3 months), milestone h1 due 30 June 2025 assessed over April to June; the last
 * events on 3 July close June. Each of these gave a confident verdict before (energy {@code met} from 0 against 0,
 * cost {@code not_met} against a baseline of 0, a defect baseline from one month or of 0 defects).
 */
class BaselineEvidenceTest {

    private static final String TARGETS = """
            defaults:
              milestones:
                h1:
                  due: 2025-06-30
                  assessmentDays: 91
                  targets:
                    defect_rate: {reduction: 0.30}
                    production_cycle: {reduction: 0.30}
                    operating_cost: {reduction: 0.30}
                    energy_per_unit: {reduction: 0.18}
            """;

    @TempDir
    Path dir;

    @Test
    void energyNeverReportedIsNoDataNotAZeroThatMeetsTheTarget() throws Exception {
        try (TopologyHarness harness = harness()) {
            Events eol = Events.station("p-energy", "l1", "eol");
            send(harness, eol, LocalDate.of(2025, 1, 1), day -> true, day -> false, day -> false);

            PlantScorecard card = harness.scorecard("p-energy");
            KpiScore energy = kpi(card, Kpi.ENERGY_PER_UNIT);
            assertThat(energy.baseline().value()).isNull();
            assertThat(energy.baseline().note()).isEqualTo("no data: no energy reading or no good unit in the learning "
                    + "period");
            MilestoneScore h1 = energy.milestones().get(0);
            assertThat(h1.value()).isNull();
            assertThat(h1.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(h1.reason()).startsWith("no baseline (no data");
            assertThat(card.windows().get(2).values()).doesNotContainKey(Kpi.ENERGY_PER_UNIT);
            assertNoNaNOrInfinity(harness, card);
        }
    }

    @Test
    void costBookingsThatStartAfterTheLearningPeriodGiveNoBaselineNotAZeroOne() throws Exception {
        try (TopologyHarness harness = harness()) {
            Events eol = Events.station("p-cost", "l1", "eol");
            // Costs (with energy) only from April on.
            send(harness, eol, LocalDate.of(2025, 1, 1), day -> true, day -> day >= 90, day -> day >= 90);

            PlantScorecard card = harness.scorecard("p-cost");
            KpiScore cost = kpi(card, Kpi.OPERATING_COST);
            assertThat(cost.baseline().hasValue()).isFalse();
            assertThat(cost.baseline().note()).contains("no cost booking");
            assertThat(cost.milestones().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(cost.reduction()).isNull();
            assertNoNaNOrInfinity(harness, card);
        }
    }

    @Test
    void aLearningPeriodWithDataInOneMonthOnlyGivesNoBaseline() throws Exception {
        try (TopologyHarness harness = harness()) {
            Events eol = Events.station("p-late", "l1", "eol");
            // Data from 1 March: 31 days with 4 units each in the learning period, but 1 month of 3.
            send(harness, eol, LocalDate.of(2025, 3, 1), day -> true, day -> true, day -> true);

            KpiScore defects = kpi(harness.scorecard("p-late"), Kpi.DEFECT_RATE);
            Baseline baseline = defects.baseline();
            assertThat(baseline.value()).isNull();
            assertThat(baseline.days()).isEqualTo(31);
            assertThat(baseline.months()).isEqualTo(1);
            assertThat(baseline.note()).isEqualTo("too little data: 124 units on 31 days in 1 month (a learned baseline "
                    + "needs at least 30 units, 7 days and 3 months)");
            assertThat(defects.milestones().get(0).reason()).isEqualTo("no baseline (" + baseline.note() + ")");
        }
    }

    @Test
    void noDefectInTheLearningPeriodCannotBeABaselineForAReduction() throws Exception {
        try (TopologyHarness harness = harness()) {
            Events eol = Events.station("p-perfect", "l1", "eol");
            send(harness, eol, LocalDate.of(2025, 1, 1), day -> day >= 90, day -> true, day -> true);

            KpiScore defects = kpi(harness.scorecard("p-perfect"), Kpi.DEFECT_RATE);
            assertThat(defects.baseline().value()).isNull();
            assertThat(defects.baseline().note()).isEqualTo("learned value 0: a reduction from 0 cannot be shown");
            assertThat(defects.milestones().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        }
    }

    @Test
    void aWellEvidencedBaselineCarriesItsIntervalAndCoverage() throws Exception {
        try (TopologyHarness harness = harness()) {
            Events eol = Events.station("p-good", "l1", "eol");
            send(harness, eol, LocalDate.of(2025, 1, 1), day -> true, day -> true, day -> true);

            PlantScorecard card = harness.scorecard("p-good");
            Baseline defects = kpi(card, Kpi.DEFECT_RATE).baseline();
            // 90 days of January to March, 4 units a day, one defect every 5th day: 18 of 360.
            assertThat(defects.value()).isEqualTo(18.0 / 360);
            assertThat(defects.sampleSize()).isEqualTo(360);
            assertThat(defects.days()).isEqualTo(90);
            assertThat(defects.months()).isEqualTo(3);
            assertThat(defects.lower()).isLessThan(defects.value());
            assertThat(defects.upper()).isGreaterThan(defects.value());
            assertThat(ScorecardCsv.write(List.of(card))).contains(",learned,", ",90,3,,");
            assertNoNaNOrInfinity(harness, card);
        }
    }

    /** No output may hold NaN or an infinity: JSON, CSV, the metrics' scrape, the KPI topic. */
    private static void assertNoNaNOrInfinity(TopologyHarness harness, PlantScorecard card) throws Exception {
        String json = ScorecardJson.write(List.of(card), Instant.EPOCH);
        String csv = ScorecardCsv.write(List.of(card));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ScorecardMetrics(registry).update(List.of(card), Optional.empty());
        String scrape = registry.scrape();
        harness.publish();
        StringBuilder topic = new StringBuilder();
        for (KeyValue<byte[], byte[]> record : harness.kpi.readKeyValuesToList()) {
            topic.append(new String(record.value, StandardCharsets.UTF_8)).append('\n');
        }
        assertThat(topic).isNotEmpty();
        // As JSON numbers, CSV cells or Prometheus sample values (not inside words such as "maintenance").
        Pattern notFinite = Pattern.compile("(?<![A-Za-z])(NaN|[+-]?Inf(inity)?)(?![A-Za-z])");
        for (String output : List.of(json, csv, scrape, topic.toString())) {
            assertThat(notFinite.matcher(output).find()).as(output).isFalse();
        }
    }

    private TopologyHarness harness() throws Exception {
        Path targets = Files.writeString(dir.resolve("targets.yaml"), TARGETS);
        Path baselines = Files.writeString(dir.resolve("baselines.yaml"), """
                defaults:
                  learnFrom: 2025-01-01
                  learnTo: 2025-03-31
                """);
        return new TopologyHarness(dir.resolve("state"), Map.of("analytics.targets.file", targets.toString(),
                "analytics.baselines.file", baselines.toString()));
    }

    /**
     * Every day from {@code first} to 3 July 2025: 4 units of 1 h (the first a defect every 5th day when
     * {@code defects} says so for the day's index since 1 January), a labour cost with or without kWh.
     */
    private static void send(TopologyHarness harness, Events eol, LocalDate first, IntPredicate defects,
                             IntPredicate costs, IntPredicate energy) {
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (LocalDate day = first; !day.isAfter(LocalDate.of(2025, 7, 3)); day = day.plusDays(1)) {
            int index = (int) (day.toEpochDay() - start.toEpochDay());
            for (int unit = 0; unit < 4; unit++) {
                boolean defect = unit == 0 && index % 5 == 0 && defects.test(index);
                harness.send(eol.key(), eol.unit(day + "T%02d:00".formatted(9 + unit), Duration.ofHours(1),
                        defect ? UnitResult.DEFECT : UnitResult.GOOD));
            }
            if (costs.test(index)) {
                harness.send(eol.key(), eol.cost(day + "T18:00", CostCategory.ENERGY, "100", "CNY",
                        energy.test(index) ? "50" : null));
            }
        }
    }

    private static KpiScore kpi(PlantScorecard card, Kpi kpi) {
        return card.kpis().stream().filter(score -> score.kpi() == kpi).findFirst().orElseThrow();
    }
}
