package io.pilotwatch.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs Prometheus' own linter on a scrape: the naming rules are Prometheus', so is the judge. */
public final class Promtool {

    private static final Path BINARY = Path.of(System.getProperty("promtool", "/usr/bin/promtool"));

    private Promtool() {
    }

    /** The linter's findings (empty when clean). Skips, or fails under -Dtestkit.require=true, without promtool. */
    public static String checkMetrics(String exposition) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            String message = "promtool not found at " + BINARY + ": apt-get install prometheus, or -Dpromtool=/path";
            if (Boolean.getBoolean("testkit.require")) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        Process process = new ProcessBuilder(BINARY.toString(), "check", "metrics").redirectErrorStream(true).start();
        process.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish");
        }
        return process.exitValue() == 0 ? output : "exit " + process.exitValue() + ": " + output;
    }
}
