package io.pilotwatch.analytics.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.programme.Programme.CncYear;
import io.pilotwatch.analytics.programme.Programme.Count;
import io.pilotwatch.analytics.programme.Programme.GroupFigures;
import io.pilotwatch.analytics.programme.Programme.Spread;
import io.pilotwatch.analytics.programme.Programme.Tally;
import io.pilotwatch.analytics.scorecard.Completeness;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.YearValue;
import io.pilotwatch.analytics.targets.Group;
import io.pilotwatch.analytics.targets.Targets;
import io.pilotwatch.analytics.targets.TargetsFile;
import io.pilotwatch.analytics.verdict.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three plants with hand-chosen verdicts, reductions and CNC ratios under the bundled Box 2 targets (milestones 2020
 * and 2025, five KPIs each), and a group with a member that never sent data. Every expected figure is counted or
 * computed by hand in the comments.
 */
class ProgrammeBuilderTest {

    private static final List<Kpi> TARGETED = List.of(Kpi.DEFECT_RATE, Kpi.PRODUCTION_CYCLE, Kpi.OPERATING_COST,
            Kpi.ENERGY_PER_UNIT, Kpi.CNC_RATIO);

    private final Targets targets = new Targets("test", TargetsFile.policyDefaults().defaults(), Map.of(),
            List.of(new Group("east", "East <coast>", List.of("p-a", "p-d"))));

    private final Programme programme = new ProgrammeBuilder(targets).build(List.of(
            // 2020: every KPI met; 2025: every KPI on track. Defect rate 2020 window 0.060 on a baseline of 0.10.
            plant("p-a", Map.of(), Map.of(), 0.060, 0.40, new double[] {0.40, 0.70, 0.40}, true),
            // 2020: energy inconclusive, the rest met; 2025: cycle off track. Defect 0.065; now -35%.
            plant("p-b", Map.of(Kpi.ENERGY_PER_UNIT, Verdict.INCONCLUSIVE), Map.of(Kpi.PRODUCTION_CYCLE,
                    Verdict.OFF_TRACK), 0.065, 0.35, new double[] {0.20, 0.71, 0.41}, true),
            // 2020: defect rate not met, the rest met; 2025: no projection for any KPI (too little history). Defect
            // 0.080; now -10%. Its 2025 is the clock's year (incomplete).
            plant("p-c", Map.of(Kpi.DEFECT_RATE, Verdict.NOT_MET), null, 0.080, 0.10,
                    new double[] {0.30, 0.72, 0.42}, false)));

    @Test
    void everyTargetOfAMilestoneCountsPlantsByTheirWorstStanding() {
        // Seen failing with a projection that has no value counted as its verdict (p-c 2025 inconclusive, not no data).
        GroupFigures all = group(Group.ALL);
        assertThat(all.plants()).containsExactly("p-a", "p-b", "p-c");

        Tally y2020 = tally(all, Programme.ALL_KPIS, "2020");
        assertThat(y2020.status()).isEqualTo("assessed");
        assertThat(y2020.plants()).isEqualTo(3);
        assertThat(members(y2020, "met")).containsExactly("p-a");
        assertThat(members(y2020, "not_met")).containsExactly("p-c");
        assertThat(members(y2020, "inconclusive")).containsExactly("p-b");
        assertThat(count(y2020, "met").share()).isEqualTo(1.0 / 3);
        // 1 of 3: lower solves P(X >= 1) = 1 - (1 - p)^3 = 0.025, p = 1 - 0.975^(1/3) = 0.008403; upper solves
        // P(X <= 1) = (1 - p)^3 + 3p(1 - p)^2 = 0.025.
        Count met = count(y2020, "met");
        assertThat(met.lower()).isCloseTo(1 - Math.pow(0.975, 1.0 / 3), within(1e-9));
        double u = met.upper();
        assertThat(Math.pow(1 - u, 3) + 3 * u * Math.pow(1 - u, 2)).isCloseTo(0.025, within(1e-9));

        Tally y2025 = tally(all, Programme.ALL_KPIS, "2025");
        assertThat(y2025.status()).isEqualTo("projected");
        assertThat(members(y2025, "on_track")).containsExactly("p-a");
        assertThat(members(y2025, "off_track")).containsExactly("p-b");
        assertThat(members(y2025, "no_data")).containsExactly("p-c");
        assertThat(y2025.counts()).extracting(Count::standing).containsExactly("met", "not_met", "inconclusive",
                "on_track", "off_track", "no_data");
    }

    @Test
    void eachKpiIsTalliedOnItsOwn() {
        Tally defect2020 = tally(group(Group.ALL), "defect_rate", "2020");
        assertThat(members(defect2020, "met")).containsExactly("p-a", "p-b");
        assertThat(members(defect2020, "not_met")).containsExactly("p-c");
        // 2 of 3: Clopper-Pearson [0.094299, 0.991596] (ClopperPearsonTest derives both by hand).
        assertThat(count(defect2020, "met").lower()).isCloseTo(0.094299, within(1e-6));
        assertThat(count(defect2020, "met").upper()).isCloseTo(Math.pow(0.975, 1.0 / 3), within(1e-9));
        Tally energy2020 = tally(group(Group.ALL), "energy_per_unit", "2020");
        assertThat(members(energy2020, "inconclusive")).containsExactly("p-b");
        assertThat(group(Group.ALL).tallies()).extracting(t -> t.kpi() + "/" + t.milestone()).containsExactly(
                "all/2020", "defect_rate/2020", "production_cycle/2020", "operating_cost/2020", "energy_per_unit/2020",
                "cnc_ratio/2020", "all/2025", "defect_rate/2025", "production_cycle/2025", "operating_cost/2025",
                "energy_per_unit/2025", "cnc_ratio/2025");
    }

    @Test
    void aConfiguredGroupCountsAMemberWithoutDataAsNoData() {
        GroupFigures east = group("east");
        assertThat(east.name()).isEqualTo("East <coast>");
        assertThat(east.plants()).containsExactly("p-a", "p-d");
        assertThat(east.plantsWithData()).containsExactly("p-a");
        Tally y2020 = tally(east, Programme.ALL_KPIS, "2020");
        assertThat(y2020.plants()).isEqualTo(2);
        assertThat(members(y2020, "met")).containsExactly("p-a");
        assertThat(members(y2020, "no_data")).containsExactly("p-d");
        // 1 of 2: lower 1 - 0.975^(1/2) = 0.012660, upper 0.975^(1/2) = 0.987421 by symmetry.
        assertThat(count(y2020, "met").lower()).isCloseTo(1 - Math.sqrt(0.975), within(1e-9));
        assertThat(count(y2020, "met").upper()).isCloseTo(Math.sqrt(0.975), within(1e-9));
    }

    @Test
    void reductionsSpreadAcrossPlants() {
        List<Spread> spreads = group(Group.ALL).reductions();
        Spread current = spread(spreads, "defect_rate", Programme.CURRENT);
        // Current reductions 0.10, 0.35, 0.40: median 0.35; type 7 quartiles at h = 0.5 and 1.5:
        // q1 = 0.10 + 0.5 (0.35 - 0.10) = 0.225, q3 = 0.35 + 0.5 (0.40 - 0.35) = 0.375.
        assertThat(current.plants()).isEqualTo(3);
        assertThat(current.median()).isCloseTo(0.35, within(1e-12));
        assertThat(current.q1()).isCloseTo(0.225, within(1e-12));
        assertThat(current.q3()).isCloseTo(0.375, within(1e-12));
        assertThat(current.min()).isCloseTo(0.10, within(1e-12));
        assertThat(current.max()).isCloseTo(0.40, within(1e-12));
        assertThat(current.target()).isNull();
        // 2020 windows 0.060, 0.065, 0.080 on baselines of 0.10: reductions 0.40, 0.35, 0.20; Box 2 asks 0.30.
        Spread y2020 = spread(spreads, "defect_rate", "2020");
        assertThat(y2020.median()).isCloseTo(0.35, within(1e-12));
        assertThat(y2020.min()).isCloseTo(0.20, within(1e-12));
        assertThat(y2020.target()).isEqualTo(0.30);
        // 2025 is projected for every plant: no assessed window, no reduction.
        assertThat(spread(spreads, "defect_rate", "2025").plants()).isZero();
        assertThat(spreads).extracting(Spread::kpi).doesNotContain("cnc_ratio");
    }

    @Test
    void cncRatioIsTheMeanOfThePlantsRatiosAgainstTheNationalIndicator() {
        List<CncYear> years = group(Group.ALL).cncRatio();
        assertThat(years).extracting(CncYear::year).containsExactly(2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022,
                2023, 2024, 2025);
        // 2015: 0.40, 0.20, 0.30: mean 0.30, s = 0.10, half = t(2) 4.302653 x 0.10 / sqrt(3) = 0.248414:
        // [0.051586, 0.548414] straddles 0.33.
        CncYear y2015 = years.get(0);
        assertThat(y2015.plants()).isEqualTo(3);
        assertThat(y2015.mean()).isCloseTo(0.30, within(1e-12));
        assertThat(y2015.lower()).isCloseTo(0.051586, within(1e-6));
        assertThat(y2015.upper()).isCloseTo(0.548414, within(1e-6));
        assertThat(y2015.indicator()).isEqualTo(0.33);
        assertThat(y2015.verdict()).isEqualTo("inconclusive");
        // 2016: no plant reported a ratio, no indicator.
        assertThat(years.get(1).plants()).isZero();
        assertThat(years.get(1).verdict()).isNull();
        // 2020: 0.70, 0.71, 0.72: mean 0.71, half = 4.302653 x 0.01 / sqrt(3) = 0.024841: [0.685159, 0.734841] >= 0.50.
        CncYear y2020 = years.get(5);
        assertThat(y2020.lower()).isCloseTo(0.685159, within(1e-6));
        assertThat(y2020.verdict()).isEqualTo("met");
        assertThat(y2020.complete()).isTrue();
        // 2025: 0.40, 0.41, 0.42: [0.385159, 0.434841] < 0.64; p-c's 2025 is not over.
        CncYear y2025 = years.get(10);
        assertThat(y2025.upper()).isCloseTo(0.434841, within(1e-6));
        assertThat(y2025.verdict()).isEqualTo("not_met");
        assertThat(y2025.complete()).isFalse();
        // One plant (p-a, 0.40) has no spread to judge by: inconclusive, however far above 0.33 it is.
        assertThat(group("east").cncRatio().get(0).plants()).isEqualTo(1);
        assertThat(group("east").cncRatio().get(0).mean()).isEqualTo(0.40);
        assertThat(group("east").cncRatio().get(0).verdict()).isEqualTo("inconclusive");
    }

    // ---- fixtures

    private GroupFigures group(String id) {
        return programme.groups().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    private static Tally tally(GroupFigures group, String kpi, String milestone) {
        return group.tallies().stream().filter(t -> t.kpi().equals(kpi) && t.milestone().equals(milestone))
                .findFirst().orElseThrow();
    }

    private static Count count(Tally tally, String standing) {
        return tally.counts().stream().filter(c -> c.standing().equals(standing)).findFirst().orElseThrow();
    }

    private static List<String> members(Tally tally, String standing) {
        return count(tally, standing).members();
    }

    private static Spread spread(List<Spread> spreads, String kpi, String window) {
        return spreads.stream().filter(s -> s.kpi().equals(kpi) && s.window().equals(window)).findFirst().orElseThrow();
    }

    /**
     * A plant whose 2020 verdicts are met except {@code in2020}; whose 2025 verdicts are on track except
     * {@code in2025}, or (null) without any projection; its defect rate over the 2020 window and now against a
     * configured baseline of 0.10; CNC ratios in 2015, 2020 and 2025.
     */
    private static PlantScorecard plant(String id, Map<Kpi, Verdict> in2020, Map<Kpi, Verdict> in2025,
                                        double defect2020, double currentReduction, double[] cnc, boolean over2025) {
        List<KpiScore> kpis = new ArrayList<>();
        for (Kpi kpi : TARGETED) {
            Baseline baseline = new Baseline(id, kpi, 0.10, null, null, 0, Baseline.CONFIGURED, "2015", "audit", 1,
                    null, null, 0, 0, 0, null);
            KpiValue window = new KpiValue(kpi == Kpi.DEFECT_RATE ? defect2020 : 0.05, 0.01, 0.1, 1000, 90);
            MilestoneScore m2020 = new MilestoneScore("2020", LocalDate.of(2020, 12, 31), "reduction", 0.30, 0.07,
                    "assessed", LocalDate.of(2020, 10, 3), LocalDate.of(2020, 12, 31), window,
                    in2020.getOrDefault(kpi, Verdict.MET), "", null, null, null, 0, null, null, null);
            MilestoneScore m2025 = in2025 == null
                    ? new MilestoneScore("2025", LocalDate.of(2025, 12, 31), "reduction", 0.50, 0.05, "projected", null,
                            null, null, Verdict.INCONCLUSIVE, "too few months", null, null, null, 1, null, null, null)
                    : new MilestoneScore("2025", LocalDate.of(2025, 12, 31), "reduction", 0.50, 0.05, "projected", null,
                            null, null, in2025.getOrDefault(kpi, Verdict.ON_TRACK), "", null, 0.04, null, 12, null,
                            0.03, 0.05);
            List<YearValue> years = new ArrayList<>();
            if (kpi == Kpi.CNC_RATIO) {
                Map<Integer, Double> ratios = Map.of(2015, cnc[0], 2020, cnc[1], 2025, cnc[2]);
                for (int year = 2015; year <= 2025; year++) {
                    Double ratio = ratios.get(year);
                    years.add(new YearValue(year, year < 2025 || over2025,
                            ratio == null ? null : new KpiValue(ratio, ratio, ratio, 5, 0)));
                }
            }
            KpiScore.Reduction reduction = kpi.lowerIsBetter()
                    ? new KpiScore.Reduction(currentReduction, null, null) : null;
            kpis.add(new KpiScore(kpi, kpi.unit(), kpi.lowerIsBetter() ? baseline : null, null, reduction,
                    List.of(m2020, m2025), years));
        }
        Completeness completeness = new Completeness(0, Map.of(), 0, Map.of(), Map.of(),
                Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2025-12-31T00:00:00Z"), Map.of());
        return new PlantScorecard(id, "Asia/Shanghai", "CNY", Instant.parse("2025-12-31T00:00:00Z"),
                PlantScorecard.DEFINITIONS_VERSION, "test", "test", completeness, List.of(), Map.of(), kpis);
    }
}
