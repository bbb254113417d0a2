package io.pilotwatch.simulator.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A start or end of the simulated window: either a calendar day, which each plant reads as local midnight
 * in its own time zone, or an instant that is the same for every plant.
 */
public sealed interface TimeBound permits TimeBound.Day, TimeBound.At {

    /** The instant this bound means for a plant in {@code zone}. */
    Instant resolve(ZoneId zone);

    /**
     * Parses {@code YYYY-MM-DD} or an ISO date-time with offset ({@code 2015-03-01T08:00:00+08:00}).
     *
     * @throws IllegalArgumentException naming both accepted forms
     */
    static TimeBound parse(String text) {
        try {
            return new Day(LocalDate.parse(text));
        } catch (DateTimeParseException notADay) {
            try {
                return new At(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException notAnInstant) {
                throw new IllegalArgumentException("expected a date YYYY-MM-DD or a date-time with offset such as "
                        + "2015-03-01T08:00:00+08:00, got '" + text + "'");
            }
        }
    }

    /** Local midnight of {@code day} in each plant's zone. */
    record Day(LocalDate day) implements TimeBound {
        public Day {
            Objects.requireNonNull(day, "day");
        }

        @Override
        public Instant resolve(ZoneId zone) {
            return day.atStartOfDay(zone).toInstant();
        }

        @Override
        public String toString() {
            return day.toString();
        }
    }

    /** The same instant for every plant. */
    record At(Instant instant) implements TimeBound {
        public At {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public Instant resolve(ZoneId zone) {
            return instant;
        }

        @Override
        public String toString() {
            return instant.toString();
        }
    }
}
