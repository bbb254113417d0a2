package io.pilotwatch.deploy.faults;

import io.pilotwatch.simulator.cli.SimulatorCli;
import io.pilotwatch.simulator.clock.StopSignal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's three default pilot plants publishing one week (1-8 January 2015, about 2,200 QoS 1
 * messages) in accelerated time, so that the stream lasts several seconds and a fault lands in the middle
 * of it. Runs in the background; {@link #awaitTruth} waits for the end and reads the ground truth.
 *
 * <p>The simulator keeps every message until its PUBACK and resends what was not acknowledged after a lost
 * connection, and exits 0 only once every message was acknowledged: so after a successful run, the truth's
 * messages are exactly the messages acknowledged to the publisher.
 */
final class SimulatedPlants {

    /** Simulated seconds per wall second: the week takes about 6 s to publish. */
    static final int SPEED = 100_000;

    private final CompletableFuture<Integer> exit;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Path truthFile;

    private SimulatedPlants(Path truthFile, String... args) {
        this.truthFile = truthFile;
        PrintStream print = new PrintStream(output, true);
        exit = CompletableFuture.supplyAsync(() -> SimulatorCli.execute(args, new StopSignal(), print, print));
    }

    /** Starts publishing the week now; {@code extraArgs} are added to the simulator's command line. */
    static SimulatedPlants publish(String mqttUrl, Path dir, String clientIdPrefix, String... extraArgs) {
        String[] base = {"--scenario", "default", "--mode", "accelerated", "--speed", Integer.toString(SPEED),
                "--from", "2015-01-01", "--until", "2015-01-08"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extraArgs.length);
        System.arraycopy(extraArgs, 0, args, base.length, extraArgs.length);
        return run(mqttUrl, dir, clientIdPrefix, args);
    }

    /** Starts the simulator with the given mode and window arguments (broker, truth and client ids are added). */
    static SimulatedPlants run(String mqttUrl, Path dir, String clientIdPrefix, String... args) {
        Path truthFile = dir.resolve(clientIdPrefix + "-truth.json");
        String[] common = {"--broker", mqttUrl, "--truth-out", truthFile.toString(), "--client-id-prefix",
                clientIdPrefix, "--no-progress"};
        String[] all = java.util.Arrays.copyOf(args, args.length + common.length);
        System.arraycopy(common, 0, all, args.length, common.length);
        return new SimulatedPlants(truthFile, all);
    }

    /**
     * Waits until {@code progress} reaches {@code count} while the simulator runs (the moment to inject a fault).
     *
     * @throws AssertionError with the simulator's output if it ends first or the count is not reached in time
     */
    void awaitProgress(java.util.function.DoubleSupplier progress, double count, Duration timeout) {
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                    .until(() -> progress.getAsDouble() >= count || (exit.isDone() && exit.join() != 0));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("progress did not reach " + count + "; simulator output:\n" + output, e);
        }
        if (exit.isDone() && exit.join() != 0) {
            throw new AssertionError("simulator exited with " + exit.join() + ":\n" + output);
        }
    }

    /**
     * Waits for the run to end.
     *
     * @throws AssertionError with the simulator's output if it did not exit 0 in time
     */
    Truth awaitTruth(Duration timeout) throws Exception {
        int code = exit.get(timeout.toSeconds(), TimeUnit.SECONDS);
        if (code != 0) {
            throw new AssertionError("simulator exited with " + code + ":\n" + output);
        }
        return Truth.read(truthFile);
    }
}
