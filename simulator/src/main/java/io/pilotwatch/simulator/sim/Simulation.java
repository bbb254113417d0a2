package io.pilotwatch.simulator.sim;

import io.pilotwatch.simulator.clock.TimeBound;
import io.pilotwatch.simulator.publish.JsonEncoder;
import io.pilotwatch.simulator.publish.MessageEncoder;
import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Routes;
import io.pilotwatch.simulator.scenario.LineSpec;
import io.pilotwatch.simulator.scenario.PlantSpec;
import io.pilotwatch.simulator.scenario.Scenario;
import io.pilotwatch.simulator.scenario.StationSpec;
import io.pilotwatch.simulator.truth.LineTruth;
import io.pilotwatch.simulator.truth.PlantTruth;
import io.pilotwatch.simulator.truth.TruthRecorder;
import io.pilotwatch.telemetry.StationId;
import io.pilotwatch.telemetry.TelemetryCodec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The discrete-event simulation of a scenario's plants over a window. It knows nothing about wall time:
 * {@link #step()} runs the next event, whose messages go to the sink in simulated-time order. The same
 * scenario, window and seed always produce the same messages.
 */
public final class Simulation {

    private final EventQueue queue = new EventQueue();
    private final List<LineModel> lines = new ArrayList<>();
    private final MessageSink sink;
    private final long firstStartMillis;
    private final long lastEndMillis;

    /**
     * @param from  window start; each plant reads a day in its own zone
     * @param until window end (exclusive); empty: unbounded (realtime runs until stopped)
     * @param boot  the boot number of every message
     */
    public Simulation(Scenario scenario, TimeBound from, Optional<TimeBound> until, long seed, long boot,
                      Routes routes, MessageSink sink, TruthRecorder truth, TelemetryCodec codec) {
        this(scenario, from, until, seed, boot, routes, sink, truth, new JsonEncoder(codec));
    }

    /**
     * @param boot    the boot number of every message
     * @param encoder how events become messages (JSON contract or Sparkplug B)
     */
    public Simulation(Scenario scenario, TimeBound from, Optional<TimeBound> until, long seed, long boot,
                      Routes routes, MessageSink sink, TruthRecorder truth, MessageEncoder encoder) {
        this.sink = sink;
        Emitter emitter = new Emitter(encoder, truth, sink, boot);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (PlantSpec plant : scenario.plants()) {
            ZoneId zone = plant.zone();
            long start = from.resolve(zone).toEpochMilli();
            long end = until.map(bound -> bound.resolve(zone).toEpochMilli()).orElse(Long.MAX_VALUE);
            first = Math.min(first, start);
            last = Math.max(last, end);
            PlantTruth plantTruth = truth.plant(plant, start, end);
            SimContext context = new SimContext(queue, emitter, zone, start, end, plant.currency());
            for (LineSpec line : plant.lines()) {
                LineTruth lineTruth = plantTruth.line(line.id());
                List<StationModel> stations = new ArrayList<>();
                for (StationSpec station : line.stations()) {
                    StationId id = new StationId(plant.id(), line.id(), station.id());
                    String name = plant.id() + "/" + line.id() + "/" + station.id();
                    stations.add(new StationModel(id, station, routes.routeOf(id), Seeds.stream(seed, name),
                            lineTruth.station(station.id())));
                }
                lines.add(new LineModel(line, stations, context,
                        Seeds.stream(seed, plant.id() + "/" + line.id())));
            }
        }
        this.firstStartMillis = first;
        this.lastEndMillis = last;
    }

    /** Schedules the start of every line; call once before stepping. */
    public void start() {
        lines.forEach(LineModel::start);
    }

    public boolean hasNext() {
        return !queue.isEmpty();
    }

    /** The simulated time of the next event; only when {@link #hasNext()}. */
    public long nextMillis() {
        return queue.peekMillis();
    }

    /** Runs the next event, first letting the pipeline release what is due by its time. */
    public void step() {
        sink.advanceTo(queue.peekMillis());
        queue.runNext();
    }

    /**
     * Every station that is not off publishes {@code state: off} at {@code millis}, or one second before its
     * plant's window end if that is earlier (the end is exclusive). Call once, after the last step.
     */
    public void switchOff(long millis) {
        lines.forEach(line -> line.switchOff(millis));
    }

    /** The simulated time of the last event run, or the start before the first. */
    public long nowMillis() {
        return Math.max(queue.now(), firstStartMillis);
    }

    /** The earliest plant start. */
    public long firstStartMillis() {
        return firstStartMillis;
    }

    /** The latest plant end, {@link Long#MAX_VALUE} when unbounded. */
    public long lastEndMillis() {
        return lastEndMillis;
    }
}
