package io.pilotwatch.testkit;

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

/**
 * One of our services (ingest, analytics) run as a separate JVM from the test class path, so that a test
 * can SIGKILL it like a real crash. The service is configured through environment variables, gets a free
 * {@code HTTP_PORT}, and logs to a file under the given directory.
 */
public final class ServiceProcess {

    private final Process process;
    private final int httpPort;
    private final Path log;

    private ServiceProcess(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} in a child JVM.
     *
     * @param environment variables added to this JVM's environment (the service's configuration)
     * @param maxHeap     the child's {@code -Xmx}, e.g. {@code 384m}
     * @param logDir      where the child's output goes (created if missing)
     * @throws IOException if the log file or the process cannot be created
     */
    public static ServiceProcess start(Class<?> mainClass, Map<String, String> environment, String maxHeap, Path logDir)
            throws IOException {
        int httpPort = freePort();
        Files.createDirectories(logDir);
        Path log = Files.createTempFile(logDir, mainClass.getSimpleName() + "-", ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), mainClass.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("HTTP_PORT", Integer.toString(httpPort));
        return new ServiceProcess(builder.start(), httpPort, log);
    }

    /** The child's operating-system process id (e.g. for {@code jcmd <pid> GC.run}). */
    public long pid() {
        return process.pid();
    }

    /** The file holding the child's standard output and error (its log). */
    public Path logFile() {
        return log;
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The port of the service's {@code /metrics} and {@code /health} endpoint. */
    public int httpPort() {
        return httpPort;
    }

    /**
     * Blocks until {@code GET /health/ready} answers 200.
     *
     * @throws IllegalStateException with the service's log if it exits or is not ready within {@code timeout}
     */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready")).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("service not ready after " + timeout + ": " + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook, no flush, no commit; waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
