package io.pilotwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotwatch.simulator.clock.Mode;
import io.pilotwatch.simulator.clock.StopSignal;
import io.pilotwatch.simulator.clock.TimeBound;
import io.pilotwatch.simulator.faults.FaultSettings;
import io.pilotwatch.simulator.publish.Outgoing;
import io.pilotwatch.simulator.run.PayloadFormat;
import io.pilotwatch.simulator.run.RunOptions;
import io.pilotwatch.simulator.run.SimulatorRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs the simulator in process, backfill and without a broker, recording what it publishes. */
public final class TestRuns {

    private TestRuns() {
    }

    /** What a run published and the ground truth it wrote. */
    public record Result(List<Outgoing> published, JsonNode truth, String summary) {
    }

    public static RunOptions options(String scenario, String from, String until, long seed, FaultSettings faults,
                                     Path truthFile) {
        return new RunOptions(scenario, Mode.BACKFILL, 1, Optional.of(TimeBound.parse(from)),
                Optional.of(TimeBound.parse(until)), Optional.of(seed), Optional.empty(), false, faults,
                Optional.of(truthFile), Optional.empty(), Optional.empty(), 1, 1, 1, false, false,
                Duration.ofSeconds(5), 1, false, PayloadFormat.JSON);
    }

    /** The same options with another payload format. */
    public static RunOptions withFormat(RunOptions o, PayloadFormat format) {
        return new RunOptions(o.scenario(), o.mode(), o.speed(), o.from(), o.until(), o.seed(), o.mqtt(),
                o.connectionPerStation(), o.faults(), o.truthOut(), o.truthEvery(), o.duration(), o.plantCopies(),
                o.stationCopies(), o.rateScale(), o.jsonSummary(), o.progress(), o.drainTimeout(), o.boot(),
                o.offAtEnd(), format);
    }

    public static Result run(RunOptions options) {
        RecordingPublisher publisher = new RecordingPublisher();
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        new SimulatorRun(options, new StopSignal(), new PrintStream(summary, true, StandardCharsets.UTF_8),
                names -> publisher).run();
        try {
            JsonNode truth = new ObjectMapper().readTree(options.truthOut().orElseThrow().toFile());
            return new Result(publisher.published(), truth, summary.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario from the test resources, as a file path the loader accepts. */
    public static String testScenario(String name) {
        try {
            return Path.of(TestRuns.class.getResource("/scenarios/" + name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
