package io.pilotwatch.analytics.web;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.programme.Programme;
import io.pilotwatch.analytics.programme.ProgrammeBuilder;
import io.pilotwatch.analytics.scorecard.Completeness;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.WindowFigures;
import io.pilotwatch.analytics.scorecard.YearValue;
import io.pilotwatch.analytics.targets.TargetsFile;
import io.pilotwatch.analytics.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Three plants built by hand, for the programme's pages. Milestone m1 (due 2020-12-31, assessed): defect rate
 * -30% and CNC ratio at least 50%; m2 (due 2025-12-31, projected). Group {@code north} (with a hostile name: names
 * come from the targets file) has a, b and ghost, a plant that never sent data.
 * <pre>
 *        defect m1  cnc m1   m2 defect  m2 cnc        defect rate: baseline, now   CNC 2020, 2021 (so far)
 *   a    met        met      on track   on track      0.20, 0.10 (-50%)            0.60, 0.40
 *   b    met        not met  on track   off track     0.20, 0.12 (-40%)            0.62, 0.50
 *   c    met        met      off track  inconclusive  0.20, 0.16 (-20%)            0.64, 0.60
 * </pre>
 */
final class ProgrammeSamples {

    static final String GROUP_NAME = "<i>North</i> & \"co\"";

    static final String TARGETS = """
            defaults:
              timezone: UTC
              currency: CNY
              milestones:
                m1:
                  due: 2020-12-31
                  targets:
                    defect_rate: {reduction: 0.30}
                    cnc_ratio: {atLeast: 0.50}
                m2:
                  due: 2025-12-31
                  targets:
                    defect_rate: {reduction: 0.50}
                    cnc_ratio: {atLeast: 0.64}
            groups:
              north:
                name: '%s'
                plants: [a, b, ghost]
            """.formatted(GROUP_NAME);

    private ProgrammeSamples() {
    }

    static List<PlantScorecard> cards() {
        return List.of(
                card("a", 0.10, Verdict.MET, Verdict.MET, Verdict.ON_TRACK, Verdict.ON_TRACK, 0.60, 0.40),
                card("b", 0.12, Verdict.MET, Verdict.NOT_MET, Verdict.ON_TRACK, Verdict.OFF_TRACK, 0.62, 0.50),
                card("c", 0.16, Verdict.MET, Verdict.MET, Verdict.OFF_TRACK, Verdict.INCONCLUSIVE, 0.64, 0.60));
    }

    static Programme programme(Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("targets.yaml"), TARGETS);
        return new ProgrammeBuilder(TargetsFile.load(file)).build(cards());
    }

    static PlantScorecard card(String plant, double defects, Verdict defectM1, Verdict cncM1, Verdict defectM2,
                               Verdict cncM2, double cnc2020, double cnc2021) {
        KpiValue current = new KpiValue(defects, defects - 0.01, defects + 0.01, 1000, 90);
        Baseline baseline = new Baseline(plant, Kpi.DEFECT_RATE, 0.2, null, null, 0, Baseline.CONFIGURED, "2015",
                "plant report", 1, null, null, 0, 0, 0, null);
        KpiScore defect = new KpiScore(Kpi.DEFECT_RATE, "ratio", baseline, current,
                KpiScore.Reduction.of(current, baseline),
                List.of(assessed("m1", 0.3, 0.14, current, defectM1), projected("m2", 0.5, 0.10, current, defectM2)),
                List.of(new YearValue(2019, true, new KpiValue(0.21, 0.2, 0.22, 4000, 300)),
                        new YearValue(2020, false, current)));
        KpiValue cnc = KpiValue.withoutInterval(cnc2021, 10, 0);
        KpiScore cncRatio = new KpiScore(Kpi.CNC_RATIO, "ratio", null, cnc, null,
                List.of(assessed("m1", 0.5, 0.5, cnc, cncM1), projected("m2", 0.64, 0.64, cnc, cncM2)),
                List.of(new YearValue(2020, true, KpiValue.withoutInterval(cnc2020, 10, 0)),
                        new YearValue(2021, false, cnc)));
        WindowFigures trailing = new WindowFigures("trailing", "2021-01-01..2021-03-31", LocalDate.of(2021, 1, 1),
                LocalDate.of(2021, 3, 31), Map.of(Kpi.DEFECT_RATE, current), Map.of(), Map.of(), Map.of(), null, 0, 0,
                0, 0, 0);
        Completeness completeness = new Completeness(1000, Map.of("unit", 1000L), 0, Map.of(), Map.of(),
                Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2021-03-31T00:00:00Z"), Map.of());
        return new PlantScorecard(plant, "UTC", "CNY", Instant.parse("2021-03-31T00:00:00Z"),
                PlantScorecard.DEFINITIONS_VERSION, "targets.yaml", "baselines.yaml", completeness, List.of(trailing),
                Map.of(), List.of(defect, cncRatio));
    }

    private static MilestoneScore assessed(String id, double amount, double threshold, KpiValue value, Verdict verdict) {
        return new MilestoneScore(id, LocalDate.of(2020, 12, 31), type(amount, threshold), amount, threshold,
                "assessed", LocalDate.of(2020, 12, 1), LocalDate.of(2020, 12, 31), value, verdict, "by hand", null,
                null, null, 0, null, null, null);
    }

    private static MilestoneScore projected(String id, double amount, double threshold, KpiValue value,
                                            Verdict verdict) {
        return new MilestoneScore(id, LocalDate.of(2025, 12, 31), type(amount, threshold), amount, threshold,
                "projected", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31), value, verdict, "by hand", null,
                value.value(), null, 3, null, null, null);
    }

    /** The CNC ratio's targets are floors (threshold = amount); the defect rate's are reductions. */
    private static String type(double amount, double threshold) {
        return amount == threshold ? "at_least" : "reduction";
    }
}
