package io.pilotwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotwatch.simulator.clock.StopSignal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorCliTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void dryRunWritesTheTruthAndPrintsAJsonSummary() throws IOException {
        Path truth = dir.resolve("truth.json");
        int code = run("--mode", "backfill", "--from", "2015-01-01", "--until", "2015-01-03", "--dry-run",
                "--no-progress", "--format", "json", "--truth-out", truth.toString());
        assertThat(code).as(err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(summary.at("/stopReason").asText()).isEqualTo("completed");
        assertThat(summary.at("/published").asLong()).isPositive();
        JsonNode written = new ObjectMapper().readTree(truth.toFile());
        assertThat(written.at("/messages/published").asLong()).isEqualTo(summary.at("/published").asLong());
        assertThat(written.at("/plants")).hasSize(3);
    }

    @Test
    void badArgumentsExitWithTwo() {
        assertThat(run("--mode", "sideways")).isEqualTo(2);
        assertThat(err()).contains("expected realtime, accelerated or backfill, got 'sideways'");
        assertThat(run("--dry-run")).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--mode=MODE'");
        assertThat(run("--mode", "backfill", "--duplicates", "120", "--dry-run")).isEqualTo(2);
        assertThat(err()).contains("--duplicates must be a percentage from 0 to 100");
        assertThat(run("--mode", "backfill", "--speed", "10")).isEqualTo(2);
        assertThat(err()).contains("--speed applies to --mode accelerated only");
        assertThat(run("--mode", "backfill", "--broker", "ws://localhost:1883")).isEqualTo(2);
        assertThat(run("--mode", "backfill", "--from", "2016-01-01", "--until", "2015-01-01", "--dry-run")).isEqualTo(2);
        assertThat(err()).contains("--until (2015-01-01) must be after --from (2016-01-01)");
    }

    @Test
    void sparkplugRefusesWhatWouldBreakAnEdgeNode() {
        assertThat(run("--mode", "backfill", "--dry-run", "--payload-format", "xml")).isEqualTo(2);
        assertThat(err()).contains("--payload-format must be json or sparkplug, got 'xml'");
        assertThat(run("--mode", "backfill", "--dry-run", "--payload-format", "sparkplug",
                "--connection-per-station")).isEqualTo(2);
        assertThat(err()).contains("needs one connection per line");
        assertThat(run("--mode", "backfill", "--dry-run", "--payload-format", "sparkplug", "--duplicates", "1"))
                .isEqualTo(2);
        assertThat(err()).contains("are for --payload-format json only");
    }

    @Test
    void aBadScenarioExitsWithTwoNamingTheFieldAndPublishesNothing() throws IOException {
        Path scenario = dir.resolve("broken.yaml");
        Files.writeString(scenario, "from: 2015-01-01\nuntil: 2015-02-01\nplants: [{id: P1}]\n");
        // The broker does not exist: a scenario error must come first.
        assertThat(run("--mode", "backfill", "--scenario", scenario.toString(), "--broker",
                "tcp://127.0.0.1:" + freePort())).isEqualTo(2);
        assertThat(err()).contains("invalid scenario " + scenario).contains("plants[0].id: expected an id matching")
                .contains("plants[0].lines: required");
    }

    @Test
    void anUnreachableBrokerExitsWithOneAndSaysWhy() throws IOException {
        int port = freePort();
        assertThat(run("--mode", "backfill", "--broker", "tcp://127.0.0.1:" + port, "--reconnect-timeout", "2s",
                "--no-truth")).isEqualTo(1);
        assertThat(err()).contains("cannot connect to tcp://127.0.0.1:" + port);
    }

    @Test
    void aStopRequestEndsARealtimeRunCleanly() {
        StopSignal stop = new StopSignal();
        stop.request("test");
        int code = SimulatorCli.execute(new String[] {"--mode", "realtime", "--dry-run", "--no-truth"}, stop,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stopped: test");
    }

    @Test
    void parsesDurations() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return SimulatorCli.execute(args, new StopSignal(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
