package io.pilotwatch.deploy.local;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service of the stack in its own JVM ({@code java -jar}), logging to its own file.
 *
 * <p>The child runs in a session of its own ({@code setsid}, where available), so that Ctrl-C in the terminal
 * reaches only the launcher, which then stops the services in order (simulator first, Kafka last). A small guard
 * process, whose standard input is a pipe from the launcher, sends SIGTERM and then SIGKILL to the child when that
 * pipe closes, i.e. when the launcher dies in any way, even by SIGKILL: no service outlives its launcher.
 */
final class ChildJvm {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final Path SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
            .filter(Files::isExecutable).findFirst().orElse(null);

    private static final List<String> CONFIG_PREFIXES = List.of("KAFKA_", "MQTT_", "INGEST_", "ANALYTICS_", "HTTP_");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param jvmOptions  e.g. {@code -Xmx256m}
     * @param jar         the service's runnable jar
     * @param args        its arguments
     * @param environment added to this JVM's environment (the service's configuration)
     * @param log         the file that receives its standard output and error (appended to)
     */
    static ChildJvm start(String name, List<String> jvmOptions, Path jar, List<String> args,
                          Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        if (SETSID != null) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
        // The services read their configuration from variables with these prefixes: only the launcher's count.
        builder.environment().keySet().removeIf(variable -> CONFIG_PREFIXES.stream().anyMatch(variable::startsWith));
        builder.environment().putAll(environment);
        Process process = builder.start();
        guard(process);
        LOG.debug("Started {} (pid {}): {}", name, process.pid(), command);
        return new ChildJvm(name, process, log);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Blocks until the child exits; returns its exit code. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * SIGTERM, so the service runs its shutdown hook (the simulator drains, the bridge waits for Kafka), then
     * SIGKILL if it has not exited within {@code grace}. Returns once the process is gone.
     */
    void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("{} (pid {}) did not stop within {} s of SIGTERM; killing it", name, process.pid(),
                    grace.toSeconds());
            process.destroyForcibly().waitFor();
        }
    }

    private static void guard(Process child) throws IOException {
        // The guard reads its stdin, a pipe from this JVM that nobody writes to: the read returns when the kernel
        // closes the pipe because this JVM is gone.
        String script = "read -r line; kill -TERM " + child.pid() + " 2>/dev/null; sleep 20; kill -KILL "
                + child.pid() + " 2>/dev/null";
        List<String> command = new ArrayList<>();
        if (SETSID != null) {
            command.add(SETSID.toString()); // out of the terminal's Ctrl-C too, or it would die with the first one
        }
        command.addAll(List.of("sh", "-c", script));
        Process guard = new ProcessBuilder(command)
                .redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.DISCARD)
                .start();
        // Once the child is gone its pid may be reused: the guard must go with it.
        child.onExit().thenRun(guard::destroyForcibly);
    }
}
