package io.pilotwatch.simulator.publish;

import io.pilotwatch.telemetry.Kind;
import java.util.Objects;

/**
 * One MQTT message on its way out.
 *
 * @param topic       the MQTT topic
 * @param payload     the bytes to publish; never modified after creation
 * @param retained    whether the broker keeps it as the topic's retained message (profiles)
 * @param kind        the kind named by the topic
 * @param route       index of the connection that publishes it (see {@link Routes})
 * @param origin      real message or injected fault
 * @param eventMillis the simulated time of the event (the payload's {@code ts})
 * @param paceMillis  the simulated time at which it is published; later than {@code eventMillis} for late messages
 */
public record Outgoing(String topic, byte[] payload, boolean retained, Kind kind, int route, Origin origin,
                       long eventMillis, long paceMillis) {

    public Outgoing {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
    }

    /** A resend of the same bytes on the same topic. */
    public Outgoing asDuplicate() {
        return new Outgoing(topic, payload, retained, kind, route, Origin.DUPLICATE, eventMillis, paceMillis);
    }

    /** The same message published at another simulated time. */
    public Outgoing pacedAt(long millis) {
        return new Outgoing(topic, payload, retained, kind, route, origin, eventMillis, millis);
    }
}
