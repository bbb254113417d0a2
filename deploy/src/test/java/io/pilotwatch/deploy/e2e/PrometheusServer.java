package io.pilotwatch.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server (the Debian package's {@code /usr/bin/prometheus}) run as a child process on a free
 * port with a given configuration, and a small client of its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

    static final String BINARY_PROPERTY = "pilotwatch.prometheus";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private PrometheusServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** The binary, or a skipped test (a failure with {@code -Dtestkit.require=true}) when it is missing. */
    static Path binary() {
        Path binary = Path.of(System.getProperty(BINARY_PROPERTY, "/usr/bin/prometheus"));
        if (!Files.isExecutable(binary)) {
            String message = "Prometheus not found at " + binary + " (apt-get install prometheus, or -D"
                    + BINARY_PROPERTY + "=/path/to/prometheus)";
            if (Boolean.getBoolean("testkit.require")) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        return binary;
    }

    /**
     * Starts Prometheus with {@code config} (YAML text; rule file paths in it must be absolute) and waits until
     * it is ready. Its data and log go under {@code dir}.
     */
    static PrometheusServer start(String config, Path dir) throws IOException, InterruptedException {
        Path binary = binary();
        Files.createDirectories(dir);
        Path configFile = dir.resolve("prometheus.yml");
        Files.writeString(configFile, config);
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + configFile,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle", "--log.level=info")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!server.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("Prometheus did not become ready; its log " + log + ":\n"
                        + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return server;
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The result vector of an instant query now; a query Prometheus rejects throws with its error. */
    List<JsonNode> query(String promql) {
        return query(promql, null);
    }

    /** The result vector of an instant query at {@code time} (now if null). */
    List<JsonNode> query(String promql, Instant time) {
        JsonNode data = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + (time == null ? "" : "&time=" + time.toEpochMilli() / 1000.0));
        List<JsonNode> result = new ArrayList<>();
        JsonNode nodes = data.get("result");
        if (nodes.isArray()) {
            nodes.forEach(result::add);
        } else {
            result.add(nodes); // a scalar or string
        }
        return result;
    }

    /** {@code /api/v1/rules}'s data: every rule group loaded, with each rule's health and last error. */
    JsonNode rules() {
        return get("/api/v1/rules");
    }

    /** {@code /api/v1/alerts}'s data: active (pending and firing) alerts. */
    JsonNode alerts() {
        return get("/api/v1/alerts");
    }

    /** {@code /api/v1/targets}'s data. */
    JsonNode targets() {
        return get("/api/v1/targets");
    }

    private JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new PromQlException(pathAndQuery, body.path("errorType").asText() + ": "
                        + body.path("error").asText());
            }
            return body.get("data");
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus API " + pathAndQuery + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Prometheus answered a request with an error (e.g. a PromQL parse error). */
    static final class PromQlException extends RuntimeException {
        PromQlException(String request, String error) {
            super("Prometheus rejected " + request + ": " + error);
        }
    }
}
