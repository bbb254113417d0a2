package io.pilotwatch.simulator.publish;

/**
 * A stage that messages flow through in simulated-time order: a fault injector, or finally the publisher.
 * Called from the simulation thread only.
 */
public interface MessageSink {

    /** Takes one message. May block while the broker catches up. */
    void accept(Outgoing message);

    /** Simulated time has reached {@code simMillis}: release what was held back until then. */
    default void advanceTo(long simMillis) {
    }

    /** The run ends: pass on everything still held back. */
    default void flush() {
    }
}
