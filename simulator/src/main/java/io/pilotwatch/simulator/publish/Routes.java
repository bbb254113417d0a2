package io.pilotwatch.simulator.publish;

import io.pilotwatch.telemetry.StationId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which MQTT connection publishes a station's messages: one per line by default, or one per station.
 * A station always uses the same connection, so its messages stay in order.
 */
public final class Routes {

    private final boolean perStation;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public Routes(boolean perStation) {
        this.perStation = perStation;
    }

    /** The connection index of a station, creating it on first use. */
    public int routeOf(StationId station) {
        String name = perStation ? station.plant() + "-" + station.line() + "-" + station.station()
                : station.plant() + "-" + station.line();
        return indexByName.computeIfAbsent(name, key -> {
            names.add(key);
            return names.size() - 1;
        });
    }

    /** Connection names by index, used in client ids. */
    public List<String> names() {
        return List.copyOf(names);
    }
}
