package io.pilotwatch.simulator.publish;

import io.pilotwatch.telemetry.TelemetryEvent;
import java.util.List;

/** Turns an event of the simulation into the MQTT message(s) that publish it: JSON contract or Sparkplug B. */
public interface MessageEncoder {

    /**
     * @param event the event, numbered (seq, boot) and timed
     * @param route the connection that publishes the station's messages
     * @return the messages to publish, in order (usually one)
     */
    List<Outgoing> encode(TelemetryEvent event, int route);
}
