package io.pilotwatch.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a user runs it: the launcher jar and the services' jars built by this reactor,
 * started like {@code ./pilotwatch local}. Within its {@code --duration} the scorecard must show the default
 * scenario's three outcomes (docs/simulator.md): hz-gearbox meets both milestones, sz-motor only 2020, cd-valve
 * neither. Then Ctrl-C (SIGINT) must stop it, and every process it started (Kafka, the services, the simulator,
 * their guards) must be gone.
 */
class LocalStackIT {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = Path.of("target", "pilotwatch-local.jar").toAbsolutePath();

    @Test
    void showsTheThreeVerdictsAndLeavesNoProcessBehind(@TempDir Path dir) throws Exception {
        int analyticsPort = freePort();
        Path output = dir.resolve("launcher.out");
        Process launcher = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", LAUNCHER.toString(),
                "--home", HOME.toString(), "--data-dir", dir.resolve("data").toString(), "--duration", "20m",
                "--mqtt-port", "0", "--kafka-port", "0", "--ingest-port", "0",
                "--analytics-port", Integer.toString(analyticsPort)))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Set<ProcessHandle> started = new HashSet<>();
        try {
            Map<String, Map<String, MilestoneOutcome>> outcomes = await("the three plants' verdicts")
                    .atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(5))
                    .failFast("the launcher exited: " + output, () -> !launcher.isAlive())
                    .until(() -> {
                        launcher.descendants().forEach(started::add);
                        return scorecard(analyticsPort);
                    }, LocalStackIT::allDecided);

            assertThat(outcomes.get("hz-gearbox").get("2020").state()).isEqualTo(MilestoneOutcome.State.MET);
            assertThat(outcomes.get("hz-gearbox").get("2025").state()).isEqualTo(MilestoneOutcome.State.MET);
            assertThat(outcomes.get("sz-motor").get("2020").state()).isEqualTo(MilestoneOutcome.State.MET);
            assertThat(outcomes.get("sz-motor").get("2025").state()).isEqualTo(MilestoneOutcome.State.NOT_MET);
            assertThat(outcomes.get("cd-valve").get("2020").state()).isEqualTo(MilestoneOutcome.State.NOT_MET);
            assertThat(outcomes.get("cd-valve").get("2025").state()).isEqualTo(MilestoneOutcome.State.NOT_MET);
            // The launcher tells the user as well (its own poll of the scorecard may come a few seconds later).
            await("the launcher's scorecard lines").atMost(Duration.ofMinutes(1))
                    .until(() -> Files.readString(output).contains("scorecard: hz-gearbox   milestone 2025 met"));
            assertThat(Files.readString(output)).contains("/api/v1/scorecard", "mosquitto_pub -h 127.0.0.1");

            launcher.descendants().forEach(started::add);
            assertThat(started).as("Kafka, ingest, analytics, the simulator and their guards").hasSizeGreaterThan(4);
            new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor();
            assertThat(launcher.waitFor(4, TimeUnit.MINUTES)).as("launcher exits after Ctrl-C").isTrue();
            assertThat(launcher.exitValue()).as(Files.readString(output)).isEqualTo(130);
            assertThat(started).as("processes left running").noneMatch(ProcessHandle::isAlive);
            assertThat(Files.readString(output)).contains("stopped");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static Map<String, Map<String, MilestoneOutcome>> scorecard(int port) throws InterruptedException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/scorecard")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? MilestoneOutcome.of(new ObjectMapper().readTree(response.body()))
                    : Map.of();
        } catch (IOException e) {
            return Map.of(); // not up yet
        }
    }

    private static boolean allDecided(Map<String, Map<String, MilestoneOutcome>> outcomes) {
        return outcomes.keySet().containsAll(List.of("hz-gearbox", "sz-motor", "cd-valve"))
                && outcomes.values().stream().flatMap(m -> m.values().stream())
                .noneMatch(o -> o.state() == MilestoneOutcome.State.PENDING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
