package io.pilotwatch.testkit;

/**
 * A broker did not reach the requested state: it did not start, answer or exit in time, or a
 * request to it failed. The message says which broker, what was expected and, where there is one,
 * ends with the tail of the broker's log file.
 */
public class BrokerException extends RuntimeException {

    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
