package io.pilotwatch.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClosedFiguresTest {

    private static final PlantCalendar SHANGHAI = new PlantCalendar(ZoneId.of("Asia/Shanghai"));
    private static final LocalDate JANUARY_31 = LocalDate.of(2025, 1, 31);

    @Test
    void monthClosesOnTheLineClockWhenItsGraceHasPassed() {
        ClosedFigures closed = new ClosedFigures(Duration.ofHours(48));
        long graceOver = SHANGHAI.startOf(LocalDate.of(2025, 2, 3));

        assertThat(closed.isClosed(SHANGHAI, graceOver - 1, JANUARY_31)).isFalse();
        assertThat(closed.isClosed(SHANGHAI, graceOver, JANUARY_31)).isTrue();
        assertThat(closed.isClosed(SHANGHAI, graceOver, LocalDate.of(2025, 2, 1))).isFalse();
        // Every event before the start of the oldest open month is late: the closed month takes none.
        assertThat(Lateness.isLate(SHANGHAI, SHANGHAI.startOf(LocalDate.of(2025, 2, 1)) - 1, graceOver,
                Duration.ofHours(48))).isTrue();
    }

    @Test
    void readOnlyViewFindsWhatIsKeptButKeepsNothing() {
        ClosedFigures closed = new ClosedFigures(Duration.ofHours(48));
        ClosedFigures reader = closed.readOnly();
        ClosedFigures.Key kept = key("l1");
        ClosedFigures.Key offered = key("l2");

        closed.put(kept, slice());
        reader.put(offered, slice());

        assertThat(reader.get(kept)).isPresent();
        assertThat(closed.get(offered)).isEmpty();
        assertThat(closed.hits()).isEqualTo(1);
    }

    @Test
    void leastRecentlyUsedSlicesLeaveFirstBeyondTheLimit() {
        long oneSlice = slice().frozen().bytes();
        ClosedFigures closed = new ClosedFigures(Duration.ofHours(48), 2 * oneSlice);
        closed.put(key("l1"), slice());
        closed.put(key("l2"), slice());
        closed.get(key("l1"));

        closed.put(key("l3"), slice());

        assertThat(closed.get(key("l1"))).isPresent();
        assertThat(closed.get(key("l2"))).isEmpty();
        assertThat(closed.get(key("l3"))).isPresent();
    }

    private static ClosedFigures.Key key(String line) {
        return new ClosedFigures.Key("hz-gearbox", List.of(line), LocalDate.of(2025, 1, 1), JANUARY_31);
    }

    private static MonthSlice slice() {
        CycleSketch sketch = new CycleSketch();
        sketch.record(60_000);
        TreeMap<LocalDate, DayOutput> days = new TreeMap<>();
        Totals totals = new Totals();
        days.put(JANUARY_31, DayOutput.of(totals));
        return new MonthSlice(totals, days, sketch);
    }
}
