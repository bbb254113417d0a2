package io.pilotwatch.testkit.internal;

import io.pilotwatch.testkit.Broker;
import io.pilotwatch.testkit.BrokerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of a broker that runs as a child process, shared by Kafka and Mosquitto:
 * start, stop, kill, freeze, thaw, restart, close. Subclasses give the command line and a
 * readiness probe. Methods are synchronized because a test and a JUnit callback may both act on
 * a shared broker.
 */
abstract class ChildProcessBroker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessBroker.class);
    private static final long POLL_MILLIS = 20;

    private final String name;
    private final Path dataDir;
    private final Path logFile;
    private final Duration timeout;
    private Process process;
    private boolean frozen;
    private boolean closed;

    ChildProcessBroker(String name, Path dataDir, Path logFile, Duration timeout) {
        this.name = name;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.timeout = timeout;
    }

    /** The command that runs the broker in the foreground; used for every (re)start. */
    abstract List<String> command();

    /** A quick probe, called repeatedly while starting: true once the broker serves clients. */
    abstract boolean answers();

    /**
     * Launches the process and waits until it answers. If it does not, the process is killed and
     * the data directory kept, so its log can be read.
     */
    final synchronized void launch() {
        ensureOpen();
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(dataDir.toFile())
                // Output goes straight to a file: a pipe nobody reads would fill and block the broker.
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                // stdin stays a pipe from this JVM: it closes when this JVM dies, see KafkaServerMain.
                .redirectInput(Redirect.PIPE);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BrokerException("Cannot launch " + name + " with " + builder.command() + ": " + e.getMessage(), e);
        }
        frozen = false;
        ProcessReaper.track(process);
        ParentDeathGuard.watch(process);
        LOG.info("Started {} (pid {}), data and log in {}", name, process.pid(), dataDir);
        awaitReady();
    }

    private void awaitReady() {
        long startNanos = System.nanoTime();
        long deadline = startNanos + timeout.toNanos();
        try {
            while (!answers()) {
                if (!process.isAlive()) {
                    throw failure(name + " exited with code " + process.exitValue() + " before it was ready");
                }
                if (System.nanoTime() - deadline > 0) {
                    process.destroyForcibly().waitFor();
                    throw failure(name + " did not become ready within " + timeout.toSeconds()
                            + " s (property " + Settings.START_TIMEOUT_SECONDS + "); killed it");
                }
                // Waiting on the process instead of sleeping notices an early exit at once.
                process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw failure("Interrupted while waiting for " + name + " to start; killed it", e);
        }
        LOG.info("{} (pid {}) ready after {} ms", name, process.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    @Override
    public synchronized void stop() {
        ensureOpen();
        if (!process.isAlive()) {
            return;
        }
        thaw(); // a stopped process would not handle SIGTERM until resumed
        // SIGTERM via the handle: Process.destroy() would also close the child's stdin, which makes
        // KafkaServerMain halt at once instead of shutting down cleanly.
        process.toHandle().destroy();
        if (!awaitExit()) {
            process.destroyForcibly();
            awaitExit();
            throw failure(name + " did not exit within " + timeout.toSeconds() + " s after SIGTERM; killed it");
        }
        LOG.info("Stopped {} (pid {}, exit code {})", name, process.pid(), process.exitValue());
    }

    @Override
    public synchronized void kill() {
        ensureOpen();
        if (!process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        if (!awaitExit()) {
            throw failure(name + " (pid " + process.pid() + ") did not exit within "
                    + timeout.toSeconds() + " s after SIGKILL");
        }
        frozen = false;
        LOG.info("Killed {} (pid {})", name, process.pid());
    }

    @Override
    public synchronized void restart() {
        ensureOpen();
        stop();
        launch();
    }

    @Override
    public synchronized void freeze() {
        ensureOpen();
        if (!process.isAlive()) {
            throw new IllegalStateException("Cannot freeze " + name + ": it is not running");
        }
        if (!frozen) {
            Signals.send("STOP", process.pid());
            frozen = true;
            LOG.info("Froze {} (pid {})", name, process.pid());
        }
    }

    @Override
    public synchronized void thaw() {
        ensureOpen();
        if (frozen) {
            if (process.isAlive()) {
                Signals.send("CONT", process.pid());
                LOG.info("Thawed {} (pid {})", name, process.pid());
            }
            frozen = false;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return !closed && process != null && process.isAlive() && !frozen;
    }

    @Override
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            if (process != null && process.isAlive()) {
                try {
                    thaw();
                } finally {
                    // Kill even if thawing failed: SIGKILL ends a stopped process too.
                    process.destroyForcibly();
                    awaitExit();
                }
            }
        } finally {
            closed = true;
        }
        deleteRecursively(dataDir);
        LOG.info("Closed {} and deleted {}", name, dataDir);
    }

    /** Kills a process left from a failed start; the data directory stays for inspection. */
    final synchronized void abandon() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
        closed = true;
    }

    final Duration timeout() {
        return timeout;
    }

    /** An exception whose message ends with the broker's recent log, for an actionable failure. */
    final BrokerException failure(String message) {
        return failure(message, null);
    }

    private BrokerException failure(String message, Throwable cause) {
        return new BrokerException(message + " (data dir " + dataDir + ")" + LogTail.describe(logFile), cause);
    }

    private boolean awaitExit() {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("Interrupted while waiting for " + name + " (pid " + process.pid() + ") to exit", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            // Children sort after their parent, so reverse order deletes files before their directory.
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : paths) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete broker directory " + dir, e);
        }
    }
}
