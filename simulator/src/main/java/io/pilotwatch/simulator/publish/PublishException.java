package io.pilotwatch.simulator.publish;

/** The broker cannot be reached or does not acknowledge; the message says which broker and for how long. */
public final class PublishException extends RuntimeException {

    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
