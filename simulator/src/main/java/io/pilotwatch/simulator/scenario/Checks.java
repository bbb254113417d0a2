package io.pilotwatch.simulator.scenario;

import io.pilotwatch.telemetry.StationId;
import java.util.ArrayList;
import java.util.List;

/** Collects validation problems, each with its field path and what was expected. */
final class Checks {

    private final List<ScenarioException.Problem> problems = new ArrayList<>();

    List<ScenarioException.Problem> problems() {
        return problems;
    }

    void fail(String path, String expectation) {
        problems.add(new ScenarioException.Problem(path, expectation));
    }

    /** False (and a problem) if the value is missing. */
    boolean present(Object value, String path, String expectation) {
        if (value == null) {
            fail(path, "required: expected " + expectation);
            return false;
        }
        return true;
    }

    void id(String value, String path) {
        if (present(value, path, "an id matching " + StationId.ID_PATTERN.pattern()) && !StationId.isValidId(value)) {
            fail(path, "expected an id matching " + StationId.ID_PATTERN.pattern()
                    + " (lower-case letters, digits, _ and -, at most 64 characters), got '" + value + "'");
        }
    }

    void text(String value, String path, int maxLength) {
        if (present(value, path, "a string of 1 to " + maxLength + " characters")
                && (value.isEmpty() || value.length() > maxLength)) {
            fail(path, "expected a string of 1 to " + maxLength + " characters, got " + value.length());
        }
    }

    /** A required number in {@code (0, max]}. */
    void positive(Double value, String path, double max) {
        if (present(value, path, "a number > 0")) {
            positiveIfSet(value, path, max);
        }
    }

    void positiveIfSet(Double value, String path, double max) {
        if (value != null && !(value > 0 && value <= max)) {
            fail(path, "expected a number > 0 and <= " + plain(max) + ", got " + plain(value));
        }
    }

    /** A number in {@code [min, max]}. */
    void between(Double value, String path, double min, double max) {
        if (present(value, path, "a number from " + plain(min) + " to " + plain(max))
                && !(value >= min && value <= max)) {
            fail(path, "expected a number from " + plain(min) + " to " + plain(max) + ", got " + plain(value));
        }
    }

    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
