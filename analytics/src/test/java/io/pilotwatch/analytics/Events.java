package io.pilotwatch.analytics;

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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Builds normalized telemetry records as the ingest bridge writes them, for one station at a time, with
 * its own sequence numbers. Times are given in Asia/Shanghai local time, as a plant would read them.
 */
public final class Events {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final TelemetryCodec CODEC = new TelemetryCodec();

    private final StationId station;
    private long seq;
    private long boot;

    private Events(StationId station) {
        this.station = station;
    }

    public static Events station(String plant, String line, String station) {
        return new Events(new StationId(plant, line, station));
    }

    public static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    public byte[] key() {
        return station.kafkaKey().getBytes(StandardCharsets.UTF_8);
    }

    /** The next message comes from a rebooted station: seq starts again. */
    public Events reboot() {
        boot++;
        seq = 0;
        return this;
    }

    /** The seq the next message will carry. */
    public long nextSeq() {
        return seq;
    }

    public byte[] unit(String completedLocal, Duration cycle, UnitResult result) {
        Instant completed = local(completedLocal);
        return encode(completed, new Payload.Unit("u-" + station.station() + "-" + boot + "-" + seq,
                completed.minus(cycle), completed, result, Optional.empty()));
    }

    public byte[] cost(String tsLocal, CostCategory category, String amount, String currency, String kwh) {
        return encode(local(tsLocal), new Payload.Cost(category, new BigDecimal(amount), currency,
                Optional.ofNullable(kwh).map(BigDecimal::new)));
    }

    public byte[] state(String tsLocal, MachineState state) {
        return encode(local(tsLocal), new Payload.State(state));
    }

    public byte[] profile(String tsLocal, boolean keyProcess, boolean cnc, Double idealCycleSeconds) {
        return encode(local(tsLocal), new Payload.Profile("process", keyProcess, cnc,
                Optional.ofNullable(idealCycleSeconds)));
    }

    private byte[] encode(Instant ts, Payload payload) {
        TelemetryEvent event = new TelemetryEvent(station, seq++, boot, ts, Optional.of(ts.plusMillis(120)), payload,
                Map.of());
        return CODEC.encodeNormalized(event);
    }
}
