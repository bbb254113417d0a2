package io.pilotwatch.deploy.bench;

import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.StationId;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * A realistic backlog of normalized telemetry, as the ingest bridge writes it: a profile per station first,
 * then 85% units, 10% costs and 5% states, round-robin over every line, each line's events in event-time
 * order (one line is one partition key, so nothing is late), spread evenly over {@code days} from
 * {@code start}. Deterministic for a given seed, and generated on the fly so the benchmark's heap stays small.
 */
final class TelemetryMix {

    private static final TelemetryCodec CODEC = new TelemetryCodec();
    private static final CostCategory[] CATEGORIES = CostCategory.values();
    private static final MachineState[] STATES = {MachineState.RUNNING, MachineState.RUNNING, MachineState.IDLE,
            MachineState.SETUP, MachineState.DOWN, MachineState.OFF};

    private final int plants;
    private final int linesPerPlant;
    private final int stationsPerLine;
    private final Instant start;
    private final Duration span;
    private final Random random = new Random(42);

    TelemetryMix(int plants, int linesPerPlant, int stationsPerLine, Instant start, Duration span) {
        this.plants = plants;
        this.linesPerPlant = linesPerPlant;
        this.stationsPerLine = stationsPerLine;
        this.start = start;
        this.span = span;
    }

    int stations() {
        return plants * linesPerPlant * stationsPerLine;
    }

    static String plant(int p) {
        return "plant-" + p;
    }

    /** Hands {@code total} records (key, value) to {@code sink}, profiles included. */
    void generate(long total, BiConsumer<byte[], byte[]> sink) {
        int lines = plants * linesPerPlant;
        long[] seq = new long[stations()];
        for (int s = 0; s < stations(); s++) {
            StationId station = station(s);
            // Every other station is a key process, half of those CNC: the CNC ratio has something to show.
            Payload profile = new Payload.Profile("process-" + (s % stationsPerLine), s % 2 == 0, s % 4 == 0,
                    Optional.of(60.0 + 30 * (s % stationsPerLine)));
            sink.accept(key(station), encode(station, seq[s]++, start, profile));
        }
        long events = total - stations();
        long perLine = Math.max(1, events / lines);
        for (long i = 0; i < events; i++) {
            int line = (int) (i % lines);
            int s = line * stationsPerLine + random.nextInt(stationsPerLine);
            StationId station = station(s);
            Instant ts = start.plusMillis(1 + span.toMillis() * (i / lines) / perLine);
            long n = seq[s]++;
            sink.accept(key(station), encode(station, n, ts, payload(station, n, ts)));
        }
    }

    private Payload payload(StationId station, long seq, Instant ts) {
        int roll = random.nextInt(100);
        if (roll < 85) {
            UnitResult result = roll < 2 ? UnitResult.DEFECT : roll < 3 ? UnitResult.SCRAP : UnitResult.GOOD;
            Instant started = ts.minusSeconds(1800 + random.nextInt(3600));
            return new Payload.Unit("u-" + station.station() + "-" + seq, started, ts, result, Optional.empty());
        }
        if (roll < 95) {
            CostCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(10_000), 2);
            Optional<BigDecimal> kwh = category == CostCategory.ENERGY
                    ? Optional.of(amount.multiply(BigDecimal.valueOf(2))) : Optional.empty();
            return new Payload.Cost(category, amount, "CNY", kwh);
        }
        return new Payload.State(STATES[random.nextInt(STATES.length)]);
    }

    /** One unit for the freshness probe: a line of its own, so it never competes with the backlog's clocks. */
    static Map.Entry<byte[], byte[]> probeUnit(String plant, long seq, Instant completedAt) {
        StationId station = new StationId(plant, "probe", "eol");
        Payload unit = new Payload.Unit("probe-" + seq, completedAt.minusSeconds(600), completedAt, UnitResult.GOOD,
                Optional.empty());
        return Map.entry(key(station), encode(station, seq, completedAt, unit));
    }

    private StationId station(int s) {
        int line = s / stationsPerLine;
        return new StationId(plant(line / linesPerPlant), "line-" + (line % linesPerPlant), "st-" + (s % stationsPerLine));
    }

    private static byte[] key(StationId station) {
        return station.kafkaKey().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(StationId station, long seq, Instant ts, Payload payload) {
        return CODEC.encodeNormalized(new TelemetryEvent(station, seq, 0, ts, Optional.of(ts.plusMillis(150)),
                payload, Map.of()));
    }
}
