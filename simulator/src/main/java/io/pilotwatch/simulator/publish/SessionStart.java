package io.pilotwatch.simulator.publish;

import java.util.List;

/**
 * What each MQTT session of a connection begins with, for protocols that need it (Sparkplug B: the NDEATH
 * as the will, then NBIRTH and DBIRTHs before any data).
 */
public interface SessionStart {

    /**
     * The will to register and the messages to publish first, for the next session (called before every
     * connect, the first and each reconnect).
     */
    Birth next();

    /**
     * @param willTopic   the will's topic
     * @param willPayload the will's payload, published by the broker if the connection dies
     * @param births      published, and acknowledged, before any other message of the session
     */
    record Birth(String willTopic, byte[] willPayload, List<Outgoing> births) {
    }
}
