package io.pilotwatch.simulator.sparkplug;

import io.pilotwatch.simulator.publish.MessageEncoder;
import io.pilotwatch.simulator.publish.Outgoing;
import io.pilotwatch.simulator.publish.SessionStart;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Sparkplug B 3.0 instead of the JSON contract: each route (one MQTT connection per line) is an edge node
 * that publishes NBIRTH (with bdSeq, NDEATH as its will) when it connects, a DBIRTH with aliases for each
 * station, then DDATA by alias. The same events as the JSON format, so the same ground truth.
 */
public final class SparkplugEncoder implements MessageEncoder {

    private final List<EdgeNode> nodes = new ArrayList<>();

    /** @param linesByRoute {@code {plant, line}} of each route index: group and edge node ids */
    public SparkplugEncoder(List<String[]> linesByRoute) {
        for (int route = 0; route < linesByRoute.size(); route++) {
            nodes.add(new EdgeNode(linesByRoute.get(route)[0], linesByRoute.get(route)[1], route));
        }
    }

    @Override
    public List<Outgoing> encode(TelemetryEvent event, int route) {
        return nodes.get(route).encode(event);
    }

    /** What each connection's sessions begin with, by route index. */
    public List<SessionStart> sessions() {
        return List.copyOf(nodes);
    }
}
