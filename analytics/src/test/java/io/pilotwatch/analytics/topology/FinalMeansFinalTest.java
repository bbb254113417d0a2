package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.telemetry.UnitResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once a milestone is assessed its verdict does not change silently: events dated before the end of its due date
 * that arrive afterwards are late (counted, on the DLQ), even from a line that fell silent (so it no longer held
 * back the watermark) and came back; a back-dated profile takes effect only after the final period. Milestone m1
 * is due 31 January 2025 and assessed over January (defect rate -30% against a configured 0.2; CNC ratio at least
 * 50%). Seen failing without the final-period check: the returning line's unit was taken (sample 21, and the
 * milestone went back to "projected" while the line held the watermark back) and the back-dated retrofit turned
 * January's CNC ratio from 0 to 1.
 */
class FinalMeansFinalTest {

    @TempDir
    Path dir;
    TopologyHarness harness;
    final Events l1 = Events.station("fm", "l1", "eol");
    final Events l2 = Events.station("fm", "l2", "eol");
    final Events k1 = Events.station("fm", "l1", "k1");

    @BeforeEach
    void start() throws Exception {
        Path targets = Files.writeString(dir.resolve("targets.yaml"), """
                defaults:
                  milestones:
                    m1:
                      due: 2025-01-31
                      assessmentDays: 31
                      targets:
                        defect_rate: {reduction: 0.30}
                        cnc_ratio: {atLeast: 0.50}
                """);
        Path baselines = Files.writeString(dir.resolve("baselines.yaml"), """
                defaults:
                  configured:
                    defect_rate: {value: 0.2, period: "2015", source: "audit"}
                """);
        harness = new TopologyHarness(dir.resolve("state"), Map.of("analytics.targets.file", targets.toString(),
                "analytics.baselines.file", baselines.toString(), "analytics.line.idle.minutes", "10"));
        harness.send(k1.key(), k1.profile("2025-01-01T00:00", true, false, 60.0));
        for (int day = 1; day <= 20; day++) {
            harness.send(l2.key(), l2.unit("2025-01-%02dT09:00".formatted(day), Duration.ofHours(1), UnitResult.GOOD));
        }
        // l1 runs on into February; l2 stops on 20 January and, while live, holds January open.
        harness.send(l1.key(), l1.unit("2025-02-03T01:00", Duration.ofHours(1), UnitResult.GOOD));
        assertThat(milestone(Kpi.DEFECT_RATE).status()).isEqualTo("projected");
        harness.advanceWallClock(Duration.ofMinutes(11));
        harness.send(l1.key(), l1.unit("2025-02-03T02:00", Duration.ofHours(1), UnitResult.GOOD));
        assertThat(milestone(Kpi.DEFECT_RATE).status()).isEqualTo("assessed");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aLineThatComesBackWithDataOfAnAssessedWindowIsCountedLate() {
        MilestoneScore before = milestone(Kpi.DEFECT_RATE);
        drainDlq();

        harness.send(l2.key(), l2.unit("2025-01-21T09:00", Duration.ofHours(1), UnitResult.SCRAP));

        MilestoneScore after = milestone(Kpi.DEFECT_RATE);
        assertThat(after.status()).isEqualTo("assessed");
        assertThat(after.value()).isEqualTo(before.value());
        assertThat(after.verdict()).isEqualTo(before.verdict());
        assertThat(harness.plant("fm").late()).containsEntry("unit", 1L);
        List<TestRecord<byte[], byte[]>> dlq = harness.dlq.readRecordsToList();
        assertThat(dlq).hasSize(1);
        assertThat(new String(dlq.get(0).headers().lastHeader(Headers.ERROR_REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("late");
        assertThat(new String(dlq.get(0).headers().lastHeader(Headers.ERROR_DETAIL).value(), StandardCharsets.UTF_8))
                .contains("assessed milestone");
    }

    @Test
    void aBackDatedProfileTakesEffectOnlyAfterTheFinalPeriod() {
        assertThat(milestone(Kpi.CNC_RATIO).value().value()).isEqualTo(0.0);

        // A retrofit to CNC, dated 5 January, arriving after January was assessed.
        harness.send(k1.key(), k1.profile("2025-01-05T00:00", true, true, 60.0));

        PlantScorecard card = harness.scorecard("fm");
        assertThat(milestone(Kpi.CNC_RATIO).value().value()).isEqualTo(0.0);
        assertThat(harness.plant("fm").late()).containsEntry("profile", 1L);
        // From February (the first day after the final period) the station counts as CNC.
        assertThat(card.windows().get(0).period()).isEqualTo("2025-02");
        assertThat(card.windows().get(0).cncKeyStations()).isEqualTo(1);
    }

    @Test
    void aRetainedCopyOfAKnownProfileIsNotLate() {
        harness.send(k1.key(), k1.profile("2025-01-01T00:00", true, false, 60.0));

        assertThat(harness.plant("fm").late()).doesNotContainKey("profile");
        assertThat(milestone(Kpi.CNC_RATIO).value().value()).isEqualTo(0.0);
    }

    private void drainDlq() {
        harness.dlq.readRecordsToList();
    }

    private MilestoneScore milestone(Kpi kpi) {
        return harness.scorecard("fm").kpis().stream().filter(score -> score.kpi() == kpi).findFirst().orElseThrow()
                .milestones().get(0);
    }
}
