package io.pilotwatch.analytics;

import static org.awaitility.Awaitility.await;

import io.pilotwatch.support.config.ConfigSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The service as a separate JVM, so that a test can SIGKILL it like a real crash. */
final class AnalyticsProcess {

    private final Process process;
    private final int httpPort;
    private final Path log;

    private AnalyticsProcess(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    static AnalyticsProcess start(Map<String, String> config, Path logDir) throws IOException {
        int httpPort = freePort();
        Files.createDirectories(logDir);
        Path log = Files.createTempFile(logDir, "analytics-", ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), Application.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        config.forEach((key, value) -> builder.environment().put(ConfigSource.envName(key), value));
        builder.environment().put("HTTP_PORT", Integer.toString(httpPort));
        return new AnalyticsProcess(builder.start(), httpPort, log);
    }

    int httpPort() {
        return httpPort;
    }

    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(timeout).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("analytics exited: " + Files.readString(log));
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** SIGKILL: no shutdown hook, no commit, no checkpoint. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
