package io.pilotwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.simulator.faults.FaultSettings;
import io.pilotwatch.simulator.publish.Outgoing;
import io.pilotwatch.simulator.run.RunOptions;
import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --boot} numbers every message, and {@code --off-at-end} ends every station's stream with {@code off}, so
 * that runs of the same stations one after the other (the local stack's history windows, then live) neither look
 * like duplicates nor count the time between them as planned time.
 */
class BootAndOffAtEndTest {

    private static final TelemetryCodec CODEC = new TelemetryCodec();

    @TempDir
    Path dir;

    @Test
    void everyStationEndsWithOffOneSecondBeforeTheWindowEndAndEveryMessageHasTheBoot() {
        List<Outgoing> published = TestRuns.run(withBootAndOff(TestRuns.options(TestRuns.testScenario("tiny.yaml"),
                "2025-01-31", "2025-02-02", 7, FaultSettings.NONE, dir.resolve("truth.json")), 1_764_000_000L))
                .published();

        Map<String, TelemetryEvent> lastByStation = new LinkedHashMap<>();
        for (Outgoing message : published) {
            TelemetryEvent event = ((DecodeResult.Accepted) CODEC.decode(message.topic(), message.payload())).event();
            assertThat(event.boot()).isEqualTo(1_764_000_000L);
            lastByStation.put(event.station().toString(), event);
        }
        assertThat(lastByStation).hasSize(3);
        // tiny.yaml is in Asia/Shanghai: the window ends 2025-02-02T00:00+08:00.
        Instant oneSecondBeforeEnd = Instant.parse("2025-02-01T15:59:59Z");
        for (TelemetryEvent last : lastByStation.values()) {
            assertThat(last.payload()).as(last.station().toString()).isEqualTo(new Payload.State(MachineState.OFF));
            assertThat(last.ts()).isEqualTo(oneSecondBeforeEnd);
        }
    }

    @Test
    void withoutTheOptionsBootIsOneAndNoStationIsSwitchedOff() {
        List<Outgoing> published = TestRuns.run(TestRuns.options(TestRuns.testScenario("tiny.yaml"),
                "2025-01-31", "2025-02-02", 7, FaultSettings.NONE, dir.resolve("truth.json"))).published();

        for (Outgoing message : published) {
            TelemetryEvent event = ((DecodeResult.Accepted) CODEC.decode(message.topic(), message.payload())).event();
            assertThat(event.boot()).isEqualTo(1);
            assertThat(event.payload()).isNotEqualTo(new Payload.State(MachineState.OFF));
        }
    }

    private static RunOptions withBootAndOff(RunOptions o, long boot) {
        return new RunOptions(o.scenario(), o.mode(), o.speed(), o.from(), o.until(), o.seed(), o.mqtt(),
                o.connectionPerStation(), o.faults(), o.truthOut(), o.truthEvery(), o.duration(), o.plantCopies(),
                o.stationCopies(), o.rateScale(), o.jsonSummary(), o.progress(), o.drainTimeout(), boot, true,
                o.payloadFormat());
    }
}
