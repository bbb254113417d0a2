package io.pilotwatch.simulator.cli;

import io.pilotwatch.simulator.clock.StopSignal;
import io.pilotwatch.simulator.publish.PublishException;
import io.pilotwatch.simulator.run.UsageException;
import io.pilotwatch.simulator.scenario.ScenarioException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs the command with the documented exit codes: 0 done, 2 bad arguments or scenario (nothing was
 * published), 1 runtime failure. Installs a shutdown hook so that Ctrl-C stops the run cleanly: generation
 * stops, in-flight messages are completed, the truth is written and the summary printed before the JVM exits.
 */
public final class SimulatorCli {

    public static final int OK = 0;
    public static final int RUNTIME_FAILURE = 1;
    public static final int USAGE = 2;

    private static final Logger log = LoggerFactory.getLogger(SimulatorCli.class);
    /** How long Ctrl-C waits for the clean end before the JVM exits anyway. */
    private static final long SHUTDOWN_WAIT_SECONDS = 90;

    private SimulatorCli() {
    }

    /** Runs with a fresh stop signal wired to a shutdown hook; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.request("interrupted");
            try {
                finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return execute(args, stop, out, err);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting (Ctrl-C): the hook has just been released by the latch.
            }
        }
    }

    /** Runs with a given stop signal (tests stop runs this way); returns the exit code. */
    public static int execute(String[] args, StopSignal stop, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new SimulatorCommand(stop, out));
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((failure, cmd, parsed) -> handle(failure, err));
        return commandLine.execute(args);
    }

    private static int handle(Exception failure, PrintStream err) {
        if (failure instanceof ScenarioException || failure instanceof UsageException) {
            err.println("error: " + failure.getMessage());
            return USAGE;
        }
        if (failure instanceof PublishException || failure instanceof UncheckedIOException) {
            err.println("error: " + failure.getMessage());
            return RUNTIME_FAILURE;
        }
        log.error("The simulator failed unexpectedly", failure);
        return RUNTIME_FAILURE;
    }
}
