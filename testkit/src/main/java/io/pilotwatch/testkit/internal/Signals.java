package io.pilotwatch.testkit.internal;

import io.pilotwatch.testkit.BrokerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Sends signals Java has no API for (SIGSTOP, SIGCONT) with the {@code kill} command. */
final class Signals {

    private Signals() {
    }

    static void send(String signal, long pid) {
        ProcessBuilder builder = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .redirectErrorStream(true);
        try {
            Process kill = builder.start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int exitCode = kill.waitFor();
            if (exitCode != 0) {
                throw new BrokerException("kill -" + signal + " " + pid + " failed with exit code "
                        + exitCode + ": " + output);
            }
        } catch (IOException e) {
            throw new BrokerException("Cannot run kill -" + signal + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("Interrupted while sending SIG" + signal + " to " + pid, e);
        }
    }
}
