package io.pilotwatch.simulator.run;

/** Options that contradict each other or the scenario; the CLI exits with code 2 and this message. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
