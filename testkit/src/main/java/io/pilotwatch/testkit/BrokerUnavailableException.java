package io.pilotwatch.testkit;

/**
 * A broker cannot be started on this machine because something it needs is missing, such as the
 * mosquitto binary. The message says what is missing and how to get it. {@link RealBrokers}
 * tests are skipped on this exception unless {@code -Dtestkit.require=true}.
 */
public class BrokerUnavailableException extends BrokerException {

    public BrokerUnavailableException(String message) {
        super(message);
    }
}
