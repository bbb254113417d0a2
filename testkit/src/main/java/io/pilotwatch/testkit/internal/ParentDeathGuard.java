package io.pilotwatch.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;

/**
 * Kills a child process when this JVM dies, even by SIGKILL when no shutdown hook runs. Needed for
 * Mosquitto, which does not watch its stdin, and for a frozen Kafka, which cannot run its own
 * watchdog (see KafkaServerMain). A small shell blocks reading its stdin, a pipe from this JVM that
 * nobody writes to; the kernel closes the pipe when this JVM dies, the read returns, and the shell
 * sends SIGKILL, which also ends a stopped process.
 */
final class ParentDeathGuard {

    private ParentDeathGuard() {
    }

    static void watch(Process child) {
        String script = "read -r line; kill -KILL " + child.pid();
        Process guard;
        try {
            guard = new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the guard that kills process " + child.pid()
                    + " if this JVM dies", e);
        }
        // The guard must end with the child: later, the pid may belong to an unrelated process.
        child.onExit().thenRun(guard::destroyForcibly);
    }
}
