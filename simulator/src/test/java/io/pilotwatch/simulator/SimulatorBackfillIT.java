package io.pilotwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotwatch.simulator.cli.SimulatorCli;
import io.pilotwatch.simulator.clock.StopSignal;
import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.Kind;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator against a real Mosquitto: a subscriber that was there before publishing started receives
 * exactly what the ground truth says was published, and real messages pass the telemetry codec.
 */
@RealBrokers
class SimulatorBackfillIT {

    private static final TelemetryCodec CODEC = new TelemetryCodec();

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void subscriberReceivesExactlyTheMessagesTheTruthCountsByKind(MqttBroker mqtt) throws Exception {
        JsonNode truth;
        try (MqttRecorder subscriber = new MqttRecorder(mqtt.url(), "it-clean")) {
            truth = simulate(mqtt, "clean", "--until", "2015-01-15");
            subscriber.awaitEverything();
            List<MqttRecorder.Received> live = subscriber.live();
            assertThat(live).hasSize(truth.at("/messages/published").asInt());
            Map<String, Long> byKind = live.stream().collect(Collectors.groupingBy(
                    message -> message.topic().substring(message.topic().lastIndexOf('/') + 1), Collectors.counting()));
            for (Kind kind : Kind.values()) {
                assertThat(byKind.get(kind.wireName())).as(kind.wireName())
                        .isEqualTo(truth.at("/messages/real/" + kind.wireName()).asLong());
            }
            assertThat(live).allSatisfy(message -> assertThat(CODEC.decode(message.topic(), message.payload()))
                    .as(message.text()).isInstanceOf(DecodeResult.Accepted.class));
        }
        try (MqttRecorder late = new MqttRecorder(mqtt.url(), "it-late")) {
            late.awaitEverything();
            assertThat(late.retained()).as("one retained profile per station for late subscribers")
                    .hasSize(truth.at("/messages/retained/topics").asInt())
                    .allSatisfy(message -> assertThat(message.topic()).endsWith("/profile"));
        }
    }

    @Test
    void duplicatesAndMalformedPayloadsAreCountedApartFromRealMessages(MqttBroker mqtt) throws Exception {
        try (MqttRecorder subscriber = new MqttRecorder(mqtt.url(), "it-faults")) {
            JsonNode truth = simulate(mqtt, "faults", "--until", "2015-01-08", "--duplicates", "5", "--malformed", "3");
            subscriber.awaitEverything();
            List<MqttRecorder.Received> live = subscriber.live();
            assertThat(live).hasSize(truth.at("/messages/published").asInt());
            List<TelemetryEvent> valid = new ArrayList<>();
            long rejected = 0;
            for (MqttRecorder.Received message : live) {
                if (CODEC.decode(message.topic(), message.payload()) instanceof DecodeResult.Accepted accepted) {
                    valid.add(accepted.event());
                } else {
                    rejected++;
                }
            }
            assertThat(truth.at("/messages/duplicates/total").asLong()).isPositive();
            assertThat(rejected).isEqualTo(truth.at("/messages/malformed/total").asLong()).isPositive();
            assertThat(valid).hasSize(truth.at("/messages/valid").asInt());
            assertThat(distinctIds(valid)).hasSize(truth.at("/messages/real/total").asInt());
        }
    }

    @Test
    void droppedConnectionsLoseNoQos1Message(MqttBroker mqtt) throws Exception {
        try (MqttRecorder subscriber = new MqttRecorder(mqtt.url(), "it-drops")) {
            JsonNode truth = simulate(mqtt, "drops", "--until", "2015-01-15", "--drop-connection-every", "50ms",
                    "--max-inflight", "100");
            JsonNode summary = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
            subscriber.awaitEverything();
            List<TelemetryEvent> valid = subscriber.live().stream()
                    .map(message -> ((DecodeResult.Accepted) CODEC.decode(message.topic(), message.payload())).event())
                    .toList();
            assertThat(summary.at("/connectionLosses").asLong()).as(summary.toString()).isPositive();
            // At least once: a message whose PUBACK was lost in a drop arrives twice, none is missing.
            assertThat(valid.size()).isGreaterThanOrEqualTo(truth.at("/messages/published").asInt());
            assertThat(distinctIds(valid)).hasSize(truth.at("/messages/real/total").asInt());
        }
    }

    private JsonNode simulate(MqttBroker mqtt, String name, String... extra) throws IOException {
        Path truthFile = dir.resolve(name + ".json");
        List<String> args = new ArrayList<>(List.of("--mode", "backfill", "--from", "2015-01-01",
                "--broker", mqtt.url(), "--client-id-prefix", "it-" + name, "--truth-out", truthFile.toString(),
                "--no-progress", "--format", "json"));
        args.addAll(List.of(extra));
        out.reset();
        int code = SimulatorCli.execute(args.toArray(String[]::new), new StopSignal(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(truthFile.toFile());
    }

    private static Set<String> distinctIds(List<TelemetryEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.station() + "/" + event.boot() + "/" + event.seq()));
        return ids;
    }
}
