package io.pilotwatch.simulator.run;

import io.pilotwatch.simulator.clock.Mode;
import io.pilotwatch.simulator.clock.Pacer;
import io.pilotwatch.simulator.clock.StopSignal;
import io.pilotwatch.simulator.faults.FaultPipeline;
import io.pilotwatch.simulator.publish.MessageCounts;
import io.pilotwatch.simulator.publish.JsonEncoder;
import io.pilotwatch.simulator.publish.MessageEncoder;
import io.pilotwatch.simulator.publish.MessagePublisher;
import io.pilotwatch.simulator.publish.SessionStart;
import io.pilotwatch.simulator.sparkplug.SparkplugEncoder;
import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.MqttPublisher;
import io.pilotwatch.simulator.publish.PublishingSink;
import io.pilotwatch.simulator.publish.Routes;
import io.pilotwatch.simulator.scenario.LineSpec;
import io.pilotwatch.simulator.scenario.PlantSpec;
import io.pilotwatch.simulator.scenario.Scenario;
import io.pilotwatch.simulator.scenario.ScenarioLoader;
import io.pilotwatch.simulator.scenario.ScenarioScaler;
import io.pilotwatch.simulator.scenario.StationSpec;
import io.pilotwatch.simulator.sim.Simulation;
import io.pilotwatch.simulator.truth.TruthHeader;
import io.pilotwatch.simulator.truth.TruthRecorder;
import io.pilotwatch.telemetry.StationId;
import io.pilotwatch.telemetry.TelemetryCodec;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulator run: loads and scales the scenario, connects, steps the simulation until the window ends or a
 * stop is requested, then flushes the fault stages, waits for in-flight messages, writes the ground truth and
 * prints the summary.
 */
public final class SimulatorRun {

    private static final Logger log = LoggerFactory.getLogger(SimulatorRun.class);
    /** Steps between progress updates: cheap enough, and often enough for a smooth bar. */
    private static final int PROGRESS_EVERY_STEPS = 256;

    private final RunOptions options;
    private final StopSignal stop;
    private final PrintStream out;
    private final Function<List<String>, MessagePublisher> publishers;
    private final boolean ownPublisher;

    /** A run that publishes to the broker of the options, or nowhere for a dry run. */
    public SimulatorRun(RunOptions options, StopSignal stop, PrintStream out) {
        this(options, stop, out, null);
    }

    /**
     * A run with its own publisher (tests record what is published this way).
     *
     * @param publishers makes the publisher from the connection names by route index
     */
    public SimulatorRun(RunOptions options, StopSignal stop, PrintStream out,
                        Function<List<String>, MessagePublisher> publishers) {
        this.options = options;
        this.stop = stop;
        this.out = out;
        this.publishers = publishers;
        this.ownPublisher = publishers == null;
    }

    /**
     * @throws io.pilotwatch.simulator.scenario.ScenarioException if the scenario is invalid (nothing published)
     * @throws UsageException if the options contradict the scenario (nothing published)
     * @throws io.pilotwatch.simulator.publish.PublishException if the broker cannot be reached
     */
    public void run() {
        Scenario scenario = ScenarioScaler.scale(new ScenarioLoader().load(options.scenario()),
                options.plantCopies(), options.stationCopies(), options.rateScale());
        Window window = Window.of(options, scenario, Instant.now());
        long seed = options.seed().orElse(scenario.seed());
        Routes routes = routes(scenario, options.connectionPerStation());
        MessageCounts counts = new MessageCounts();
        TruthRecorder truth = new TruthRecorder();
        long firstStart = scenario.plants().stream()
                .mapToLong(plant -> window.from().resolve(plant.zone()).toEpochMilli()).min().orElseThrow();
        Pacer pacer = switch (options.mode()) {
            case BACKFILL -> Pacer.NONE;
            case REALTIME -> Pacer.scaled(1, firstStart, stop);
            case ACCELERATED -> Pacer.scaled(options.speed(), firstStart, stop);
        };
        MessageEncoder encoder = options.payloadFormat() == PayloadFormat.SPARKPLUG
                ? new SparkplugEncoder(linesByRoute(scenario, routes)) : new JsonEncoder(new TelemetryCodec());
        try (MessagePublisher publisher = publisher(routes, encoder)) {
            PublishingSink terminal = new PublishingSink(pacer, publisher, counts);
            MessageSink pipeline = FaultPipeline.build(options.faults(), seed, terminal);
            Simulation simulation = new Simulation(scenario, window.from(), window.until(), seed, options.boot(),
                    routes, pipeline, truth, encoder);
            TruthHeader header = new TruthHeader(scenario.name(), seed, options.mode().name().toLowerCase(
                    java.util.Locale.ROOT), window.from().toString(), window.until().map(Object::toString),
                    options.faults().describe());
            Snapshots snapshots = new Snapshots(options, truth, header, counts);
            publisher.connect();
            long startNanos = System.nanoTime();
            boolean completed = loop(simulation, pacer, counts, snapshots, scenario.plants().get(0).zone());
            long until = completed ? Long.MAX_VALUE : simulatedUntil(simulation, pacer);
            if (options.offAtEnd()) {
                simulation.switchOff(until);
            }
            log.info("Generation {}; publishing what is still held back and waiting for acknowledgements",
                    completed ? "complete" : "stopped (" + stop.reason() + ")");
            pipeline.flush();
            publisher.drain(options.drainTimeout());
            Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
            Optional<String> truthFile = snapshots.write(until, completed);
            long reached = completed ? simulation.lastEndMillis() : until;
            Summary summary = new Summary(scenario.name(), completed ? "completed" : "stopped: " + stop.reason(),
                    Instant.ofEpochMilli(reached), wall, counts, publisher.connectionLosses(), publisher.resent(),
                    truthFile);
            out.print(options.jsonSummary() ? summary.json().toPrettyString() + System.lineSeparator()
                    : summary.text());
            out.flush();
        }
    }

    /** @return whether the whole window was generated */
    private boolean loop(Simulation simulation, Pacer pacer, MessageCounts counts, Snapshots snapshots,
                         ZoneId zone) {
        boolean showProgress = options.progress() && options.mode() == Mode.BACKFILL;
        simulation.start();
        DurationTimer timer = new DurationTimer(options.duration(), stop);
        try (Progress progress = showProgress ? Progress.start(simulation.firstStartMillis(),
                simulation.lastEndMillis(), zone) : null) {
            long steps = 0;
            while (simulation.hasNext() && !stop.requested()) {
                // Wait before generating, so that a stop during the wait does not publish future events.
                pacer.awaitSimTime(simulation.nextMillis());
                if (stop.requested()) {
                    break;
                }
                simulation.step();
                if (progress != null && ++steps % PROGRESS_EVERY_STEPS == 0) {
                    progress.update(simulation.nowMillis(), counts.total());
                }
                snapshots.maybeWrite(simulation.nowMillis());
            }
            if (progress != null) {
                progress.update(simulation.hasNext() ? simulation.nowMillis() : simulation.lastEndMillis(),
                        counts.total());
            }
        } finally {
            timer.close();
        }
        return !simulation.hasNext();
    }

    /** Where simulated time stands after an early stop: at least the last event, never past the next one. */
    private static long simulatedUntil(Simulation simulation, Pacer pacer) {
        long now = simulation.nowMillis();
        long paced = Math.max(now, pacer.simNowMillis(now));
        return simulation.hasNext() ? Math.min(paced, simulation.nextMillis()) : paced;
    }

    private MessagePublisher publisher(Routes routes, MessageEncoder encoder) {
        if (!ownPublisher) {
            return publishers.apply(routes.names());
        }
        List<SessionStart> sessions = encoder instanceof SparkplugEncoder sparkplug ? sparkplug.sessions() : List.of();
        return options.mqtt().map(settings -> (MessagePublisher) new MqttPublisher(settings, routes.names(), sessions))
                .orElseGet(MessagePublisher::none);
    }

    /** {plant, line} of each route: a Sparkplug edge node per line (routes are per line in that format). */
    private static List<String[]> linesByRoute(Scenario scenario, Routes routes) {
        List<String[]> lines = new java.util.ArrayList<>();
        for (PlantSpec plant : scenario.plants()) {
            for (LineSpec line : plant.lines()) {
                int route = routes.routeOf(new StationId(plant.id(), line.id(), line.stations().get(0).id()));
                if (route == lines.size()) {
                    lines.add(new String[] {plant.id(), line.id()});
                }
            }
        }
        return lines;
    }

    private static Routes routes(Scenario scenario, boolean perStation) {
        Routes routes = new Routes(perStation);
        for (PlantSpec plant : scenario.plants()) {
            for (LineSpec line : plant.lines()) {
                for (StationSpec station : line.stations()) {
                    routes.routeOf(new StationId(plant.id(), line.id(), station.id()));
                }
            }
        }
        return routes;
    }
}
