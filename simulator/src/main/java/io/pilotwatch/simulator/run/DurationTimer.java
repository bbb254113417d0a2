package io.pilotwatch.simulator.run;

import io.pilotwatch.simulator.clock.StopSignal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Requests a stop when {@code --duration} has passed, also while the simulation thread waits for the
 * simulated clock (realtime runs can sit for minutes between events).
 */
final class DurationTimer implements AutoCloseable {

    private final ScheduledExecutorService timer;

    DurationTimer(Optional<Duration> duration, StopSignal stop) {
        if (duration.isEmpty()) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulator-duration");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(() -> stop.request("--duration " + duration.get() + " reached"),
                duration.get().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
