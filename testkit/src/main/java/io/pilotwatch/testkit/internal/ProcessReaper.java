package io.pilotwatch.testkit.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills broker processes still alive when this JVM shuts down, e.g. when a test run is
 * interrupted before JUnit closes them. Processes leave the set as soon as they exit.
 */
final class ProcessReaper {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessReaper.class);
    private static final Set<Process> ALIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "testkit-process-reaper"));
    }

    private ProcessReaper() {
    }

    static void track(Process process) {
        ALIVE.add(process);
        process.onExit().thenRun(() -> ALIVE.remove(process));
    }

    private static void killAll() {
        for (Process process : ALIVE) {
            // The set may still hold a process that just exited: its onExit action runs asynchronously.
            if (process.isAlive()) {
                // SIGKILL also ends a frozen (SIGSTOPped) process. No broker lock is taken, so a test
                // thread stuck in a broker method cannot block the shutdown.
                LOG.warn("Killing broker process {} left running at JVM shutdown", process.pid());
                process.destroyForcibly();
            }
        }
    }
}
