package io.pilotwatch.deploy.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's part of the local stack, one child JVM after the other: the {@link HistoryWindow history
 * windows} not yet published (as fast as the bridge acknowledges), then the default scenario live in real time
 * until the stack stops. Every run ends with the stations switched off ({@code --off-at-end}), so the years
 * between the windows, and the time the stack is down, are not counted as planned time. History runs use boot 1
 * (a window interrupted and published again repeats the same messages, which the analytics removes as
 * duplicates); each live run gets the epoch seconds of its start, so that it does not collide with an earlier
 * live run of the same day.
 */
final class SimulatorDriver implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorDriver.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(90);

    private final Path jar;
    private final String mqttUrl;
    private final Map<String, String> credentials;
    private final DataDir data;
    private final PrintStream out;
    private final long startNanos;
    private volatile ChildJvm current;
    private volatile boolean stopping;
    private volatile boolean failed;

    /** @param credentials {@code MQTT_USERNAME} and {@code MQTT_PASSWORD}, or empty */
    SimulatorDriver(Path jar, String mqttUrl, Map<String, String> credentials, DataDir data, PrintStream out,
                    long startNanos) {
        this.jar = jar;
        this.mqttUrl = mqttUrl;
        this.credentials = credentials;
        this.data = data;
        this.out = out;
        this.startNanos = startNanos;
    }

    @Override
    public void run() {
        try {
            for (HistoryWindow window : HistoryWindow.DEFAULT) {
                Path marker = data.historyMarker(window.id());
                if (Files.exists(marker)) {
                    continue;
                }
                say("simulator: publishing " + window.from() + " to " + window.until() + " (" + window.role() + ")");
                if (!runToEnd(historyArgs(window), "simulator-history-" + window.id())) {
                    return;
                }
                Files.writeString(marker, Instant.now() + "\n");
            }
            say("simulator: history published; the three plants now publish live, in real time");
            runToEnd(liveArgs(), "simulator-live");
        } catch (IOException e) {
            failed = true;
            LOG.error("Cannot run the simulator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a simulator run failed (not stopped by us). */
    boolean failed() {
        return failed;
    }

    /** Stops the current run cleanly (it switches the stations off and drains) and runs no further one. */
    void stop() throws InterruptedException {
        stopping = true;
        ChildJvm run = current;
        if (run != null) {
            run.stop(STOP_GRACE);
        }
    }

    /** @return whether the run completed, so the next one may start */
    private boolean runToEnd(List<String> args, String name) throws IOException, InterruptedException {
        if (stopping) {
            return false;
        }
        ChildJvm run = ChildJvm.start(name, List.of("-Xmx384m", "-XX:+UseSerialGC"), jar, args,
                Map.copyOf(withUrl()), data.log("simulator"));
        current = run;
        if (stopping) {
            run.stop(STOP_GRACE);
        }
        int code = run.waitFor();
        current = null;
        if (stopping) {
            return false;
        }
        if (code != 0) {
            failed = true;
            say("simulator: " + name + " failed with exit code " + code + "; see " + data.log("simulator"));
            return false;
        }
        return true;
    }

    private List<String> historyArgs(HistoryWindow window) {
        List<String> args = common("history-" + window.id());
        args.addAll(List.of("--mode", "backfill", "--from", window.from().toString(),
                "--until", window.until().toString(), "--boot", "1"));
        return args;
    }

    private List<String> liveArgs() {
        List<String> args = common("live");
        args.addAll(List.of("--mode", "realtime", "--boot", Long.toString(Instant.now().getEpochSecond())));
        return args;
    }

    private List<String> common(String truthName) {
        return new ArrayList<>(List.of("--scenario", "default", "--no-progress", "--off-at-end",
                // The bridge's listener closes a connection with more than 100 unacknowledged messages.
                "--max-inflight", "100",
                "--truth-out", data.simulator().resolve("truth-" + truthName + ".json").toString()));
    }

    private Map<String, String> withUrl() {
        Map<String, String> env = new java.util.HashMap<>(credentials);
        env.put("MQTT_URL", mqttUrl);
        return env;
    }

    private void say(String line) {
        long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        out.printf("[%3d s] %s%n", seconds, line);
        out.flush();
    }
}
