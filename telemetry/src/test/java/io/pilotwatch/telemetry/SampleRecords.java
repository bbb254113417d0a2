package io.pilotwatch.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Realistic events of each kind, as the simulator publishes them and the bridge normalizes them (the same mix as
 * deploy's {@code TelemetryMix}: serial-numbered units of 30 to 90 minutes, costs in CNY with kWh for energy,
 * profiles with an ideal cycle, receivedAt 150 ms after ts). Deterministic for a given {@link Random}.
 */
final class SampleRecords {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final MachineState[] STATES = MachineState.values();
    private static final CostCategory[] CATEGORIES = CostCategory.values();
    private static final UnitResult[] RESULTS = UnitResult.values();

    private SampleRecords() {
    }

    /** The {@code n}-th event of a station of plant {@code random}-chosen, normalized (with receivedAt). */
    static TelemetryEvent event(Kind kind, Random random, long n) {
        StationId station = new StationId("plant-" + random.nextInt(6), "line-" + random.nextInt(4),
                "st-" + random.nextInt(5));
        Instant ts = START.plusMillis(random.nextLong(90L * 24 * 3600 * 1000));
        return new TelemetryEvent(station, n, random.nextInt(3), ts, Optional.of(ts.plusMillis(150)),
                payload(kind, random, station, n, ts), Map.of());
    }

    private static Payload payload(Kind kind, Random random, StationId station, long n, Instant ts) {
        return switch (kind) {
            case UNIT -> new Payload.Unit("u-" + station.station() + "-" + n, ts.minusSeconds(1800 + random.nextInt(3600)),
                    ts, RESULTS[random.nextInt(10) < 8 ? 0 : random.nextInt(RESULTS.length)], Optional.empty());
            case COST -> {
                CostCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(10_000), 2);
                yield new Payload.Cost(category, amount, "CNY", category == CostCategory.ENERGY
                        ? Optional.of(amount.multiply(BigDecimal.valueOf(2))) : Optional.empty());
            }
            case STATE -> new Payload.State(STATES[random.nextInt(STATES.length)]);
            case PROFILE -> new Payload.Profile("process-" + random.nextInt(5), random.nextBoolean(),
                    random.nextBoolean(), Optional.of(60.0 + 30 * random.nextInt(5)));
        };
    }
}
