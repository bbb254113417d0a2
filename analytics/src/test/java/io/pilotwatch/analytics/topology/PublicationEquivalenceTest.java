package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.scorecard.KpiRecords;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardBuilder;
import io.pilotwatch.analytics.store.Json;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.UnitResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KPI topic with the publication's shortcuts (only plants that changed are rebuilt, closed months' figures
 * are kept) equals the topic without them: at every publication the records sent are exactly those that a
 * rebuild of every plant from the stores alone, compared with what it sent before, would send. The scenario
 * crosses month ends and their grace, freezes learned baselines, assesses milestones, and has late, duplicate
 * and rejected records, a line lagging 20 days, a line backfilled into months closed on the others, a profile
 * arriving late, state intervals settled across closed months, and lines falling idle with the wall clock alone.
 */
class PublicationEquivalenceTest {

    private static final String TARGETS = """
            defaults:
              milestones:
                m1:
                  due: 2025-02-28
                  assessmentDays: 28
                  targets:
                    defect_rate: {reduction: 0.30}
                    production_cycle: {reduction: 0.10}
                    operating_cost: {reduction: 0.30}
                    energy_per_unit: {reduction: 0.18}
                    cnc_ratio: {atLeast: 0.50}
                m2:
                  due: 2025-04-30
                  assessmentDays: 45
                  targets:
                    defect_rate: {reduction: 0.50}
                    cnc_ratio: {atLeast: 0.64}
                m3:
                  due: 2025-12-31
                  targets:
                    defect_rate: {reduction: 0.50}
                    production_cycle: {reduction: 0.20}
            """;
    private static final String BASELINES = """
            defaults:
              learnFrom: 2025-01-01
              learnTo: 2025-01-31
            """;
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 150;
    private static final int LAG_DAYS = 20;
    private static final LocalDate BACKFILL_FROM = LocalDate.of(2025, 3, 15);

    private final Random random = new Random(7);
    private final Map<String, String> referenceSent = new HashMap<>();
    private TopologyHarness harness;
    private int publications;
    private int recordsSent;

    @Test
    void kpiRecordsEqualThoseOfAFullRebuildAtEveryPublication(@TempDir Path dir) throws IOException {
        Path targets = Files.writeString(dir.resolve("targets.yaml"), TARGETS);
        Path baselines = Files.writeString(dir.resolve("baselines.yaml"), BASELINES);
        try (TopologyHarness topology = new TopologyHarness(dir.resolve("state"), Map.of(
                "analytics.targets.file", targets.toString(), "analytics.baselines.file", baselines.toString(),
                "analytics.trailing.days", "45", "analytics.trend.months", "3", "analytics.trend.min.months", "2",
                "analytics.verdict.min.units", "5", "analytics.verdict.min.days", "3"))) {
            harness = topology;
            Line leading = new Line("hz-gearbox", "l1");
            Line lagging = new Line("hz-gearbox", "l2");
            Line other = new Line("cd-valve", "l1");
            Line otherSecond = new Line("cd-valve", "l2");
            Line backfilled = new Line("cd-valve", "l3");
            for (Line line : List.of(leading, lagging, other, otherSecond)) {
                line.profiles();
            }
            int backfilledDays = 0;
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = START.plusDays(d);
                leading.day(day);
                other.day(day);
                otherSecond.day(day);
                if (d >= LAG_DAYS) {
                    lagging.day(day.minusDays(LAG_DAYS));
                }
                // A new line sends its history from January, three days of it a day: the plant's closed months change.
                if (day.equals(BACKFILL_FROM)) {
                    backfilled.profiles();
                }
                for (int i = 0; i < 3 && !day.isBefore(BACKFILL_FROM) && backfilledDays <= d; i++) {
                    backfilled.day(START.plusDays(backfilledDays++));
                }
                faults(d, day, leading);
                publish();
                if (d % 9 == 4) {
                    // The wall clock alone: l1 stays live while the others fall idle, then everything does.
                    harness.advanceWallClock(Duration.ofMinutes(6));
                    leading.unit(day + "T23:59");
                    publish();
                    step(Duration.ofMinutes(5));
                    step(Duration.ofMinutes(6));
                }
            }
        }
        assertThat(recordsSent).isGreaterThan(1000);
        assertThat(harness.closed.hits()).as("slices found kept").isGreaterThan(1000);
        assertThat(referenceSent.get("hz-gearbox/*/defect_rate")).contains("\"status\":\"assessed\"");
        assertThat(referenceSent.get("hz-gearbox/*/defect_rate")).contains("\"baseline\":{");
    }

    /** Duplicates, late units (40 days back), unreadable records, and a retrofit profile dated in January. */
    private void faults(int d, LocalDate day, Line leading) {
        if (d % 7 == 3) {
            leading.resendLastUnit();
        }
        if (d >= 45 && d % 10 == 0) {
            leading.unit(day.minusDays(40) + "T10:00");
        }
        if (d % 15 == 8) {
            harness.send(leading.eol.key(), "{\"seq\":1,".getBytes(StandardCharsets.UTF_8));
        }
        if (d == 70) {
            harness.send(leading.k2.key(), leading.k2.profile("2025-01-15T00:00", true, true, 300.0));
        }
    }

    private void publish() {
        step(harness.config.processing().publishInterval().plus(Duration.ofMillis(1)));
    }

    /** Moves the wall clock and checks what the punctuation sent against a full rebuild without shortcuts. */
    private void step(Duration duration) {
        harness.advanceWallClock(duration);
        publications++;
        List<String> sent = new ArrayList<>();
        for (KeyValue<byte[], byte[]> record : harness.kpi.readKeyValuesToList()) {
            sent.add(new String(record.key, StandardCharsets.UTF_8) + " " + new String(record.value, StandardCharsets.UTF_8));
        }
        List<String> expected = new ArrayList<>();
        for (PlantScorecard card : new ScorecardBuilder(harness.data(), harness.config, harness::wallClockMillis)
                .buildAll()) {
            KpiRecords.of(card).forEach((key, node) -> {
                String json = write(node);
                if (!json.equals(referenceSent.put(key, json))) {
                    expected.add(key + " " + json);
                }
            });
        }
        assertThat(sent).as("records sent by publication %d", publications).containsExactlyElementsOf(expected);
        recordsSent += sent.size();
    }

    private static String write(Object node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line's stations: eol completes units, k1 and k2 are key processes (k1 numerically controlled). */
    private final class Line {

        final Events eol;
        final Events k1;
        final Events k2;
        private byte[] lastUnit;

        Line(String plant, String line) {
            eol = Events.station(plant, line, "eol");
            k1 = Events.station(plant, line, "k1");
            k2 = Events.station(plant, line, "k2");
        }

        void profiles() {
            harness.send(eol.key(), eol.profile(START + "T00:00", false, false, 600.0));
            harness.send(k1.key(), k1.profile(START + "T00:00", true, true, 1200.0));
            harness.send(k2.key(), k2.profile(START + "T00:00", true, false, 900.0));
        }

        /** Three units, a cost every other day, energy every third, and a state change every fourth or so. */
        void day(LocalDate day) {
            for (int hour : new int[] {8, 13, 19}) {
                unit(day + "T%02d:%02d".formatted(hour, random.nextInt(60)));
            }
            if (day.getDayOfMonth() % 2 == 0) {
                harness.send(eol.key(), eol.cost(day + "T12:00", CostCategory.LABOR, 100 + random.nextInt(50) + ".25",
                        "CNY", null));
            }
            if (day.getDayOfMonth() % 3 == 0) {
                harness.send(eol.key(), eol.cost(day + "T12:30", CostCategory.ENERGY, "40.5", "CNY",
                        20 + random.nextInt(10) + ".5"));
            }
            if (random.nextInt(4) == 0) {
                MachineState state = MachineState.values()[random.nextInt(MachineState.values().length)];
                harness.send(k1.key(), k1.state(day + "T%02d:00".formatted(random.nextInt(24)), state));
            }
        }

        void unit(String completedLocal) {
            UnitResult result = random.nextInt(10) == 0 ? UnitResult.DEFECT : UnitResult.GOOD;
            lastUnit = eol.unit(completedLocal, Duration.ofMinutes(30 + random.nextInt(60)), result);
            harness.send(eol.key(), lastUnit);
        }

        void resendLastUnit() {
            harness.send(eol.key(), lastUnit);
        }
    }
}
