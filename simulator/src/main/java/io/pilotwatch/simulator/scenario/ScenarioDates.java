package io.pilotwatch.simulator.scenario;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Dates in scenario files: {@code YYYY-MM-DD}, or {@code YYYY-MM} for the first of the month. */
public final class ScenarioDates {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ScenarioDates() {
    }

    /** The day, or empty if {@code text} is neither form or not a real date. */
    public static Optional<LocalDate> parseDay(String text) {
        try {
            if (text != null && DAY.matcher(text).matches()) {
                return Optional.of(LocalDate.parse(text));
            }
            if (text != null && MONTH.matcher(text).matches()) {
                return Optional.of(YearMonth.parse(text).atDay(1));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A strict {@code YYYY-MM-DD} day, or empty. */
    public static Optional<LocalDate> parseStrictDay(String text) {
        return text != null && DAY.matcher(text).matches() ? parseDay(text) : Optional.empty();
    }
}
