package io.pilotwatch.simulator.sim;

import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.Payload;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Books a line's operating costs at the end of each cost interval (local time, aligned to midnight), one
 * second before the interval ends so that the booking falls into the interval's day and month: the cost per
 * unit in force times the units completed since the last booking, with a little noise. {@code energy} and
 * {@code labor} are split equally over the stations; {@code material}, {@code maintenance} and {@code other}
 * are booked on the last station. Nothing is booked for an interval without units.
 */
final class CostBooker {

    private static final List<CostCategory> PER_STATION = List.of(CostCategory.ENERGY, CostCategory.LABOR);
    private static final List<CostCategory> PER_LINE =
            List.of(CostCategory.MATERIAL, CostCategory.MAINTENANCE, CostCategory.OTHER);
    private static final long BOOKING_LEAD_MILLIS = 1_000;

    private final LineModel line;
    private final String currency;
    private LocalDateTime intervalEnd;
    private long unitsSinceBooking;

    CostBooker(LineModel line, String currency) {
        this.line = line;
        this.currency = currency;
    }

    void start() {
        LocalDateTime start = LocalDateTime.ofInstant(Instant.ofEpochMilli(line.startMillis), line.zone);
        intervalEnd = start.toLocalDate().atStartOfDay();
        while (!intervalEnd.isAfter(start)) {
            intervalEnd = intervalEnd.plusHours(line.spec.costIntervalHours());
        }
        scheduleNext();
    }

    void unitCompleted() {
        unitsSinceBooking++;
    }

    private void scheduleNext() {
        long bookAt = intervalEnd.atZone(line.zone).toInstant().toEpochMilli() - BOOKING_LEAD_MILLIS;
        intervalEnd = intervalEnd.plusHours(line.spec.costIntervalHours());
        line.scheduleIfInWindow(Math.max(bookAt, line.startMillis), this::book);
    }

    private void book() {
        long now = line.queue.now();
        scheduleNext();
        long units = unitsSinceBooking;
        unitsSinceBooking = 0;
        if (units == 0) {
            return;
        }
        LineParams params = line.params();
        List<StationModel> stations = line.stations;
        BigDecimal shares = BigDecimal.valueOf(stations.size());
        for (StationModel station : stations) {
            for (CostCategory category : PER_STATION) {
                book(station, now, category, units, shares, params);
            }
        }
        StationModel last = stations.get(stations.size() - 1);
        for (CostCategory category : PER_LINE) {
            book(last, now, category, units, BigDecimal.ONE, params);
        }
    }

    private void book(StationModel station, long now, CostCategory category, long units, BigDecimal shares,
                      LineParams params) {
        BigDecimal perUnit = params.costPerUnit().get(category);
        boolean energy = category == CostCategory.ENERGY;
        if (perUnit.signum() == 0 && !(energy && params.energyKwhPerUnit() > 0)) {
            return;
        }
        BigDecimal noise = BigDecimal.valueOf(1 + params.costNoise() * (2 * station.random.nextDouble() - 1));
        BigDecimal quantity = BigDecimal.valueOf(units).multiply(noise);
        BigDecimal amount = perUnit.multiply(quantity).divide(shares, 2, RoundingMode.HALF_EVEN);
        Optional<BigDecimal> kwh = energy ? Optional.of(BigDecimal.valueOf(params.energyKwhPerUnit())
                .multiply(quantity).divide(shares, 3, RoundingMode.HALF_EVEN)) : Optional.empty();
        line.emitter.emit(station, now, new Payload.Cost(category, amount, currency, kwh));
    }
}
