package io.pilotwatch.simulator.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Jackson's parse and mapping errors into a field path and an expectation a user can act on. */
final class JacksonProblems {

    /** Jackson names the refused scalar in its message: {@code Cannot coerce String value ("fast") to ...}. */
    private static final Pattern COERCED_VALUE = Pattern.compile("value \\(\"?(.*?)\"?\\) to");

    private JacksonProblems() {
    }

    static ScenarioException.Problem describe(IOException error) {
        String where = location(error);
        if (error instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamReadException syntax) {
            return syntax(path(mapping), syntax, location(syntax));
        }
        if (error instanceof UnrecognizedPropertyException unknown) {
            return new ScenarioException.Problem(path(unknown), "unknown field '" + unknown.getPropertyName()
                    + "', expected one of " + known(unknown.getKnownPropertyIds()) + where);
        }
        if (error instanceof InvalidFormatException format) {
            return new ScenarioException.Problem(path(format), "expected " + expected(format.getTargetType())
                    + ", got '" + format.getValue() + "'" + where);
        }
        if (error instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new ScenarioException.Problem(path(mismatch), "expected " + expected(mismatch.getTargetType())
                    + ", got " + found(mismatch) + where);
        }
        if (error instanceof JsonMappingException mapping) {
            return new ScenarioException.Problem(path(mapping), firstLine(mapping.getOriginalMessage()) + where);
        }
        if (error instanceof JsonProcessingException parse) {
            return syntax("", parse, where);
        }
        return new ScenarioException.Problem("", "cannot read the file: " + error.getMessage());
    }

    private static ScenarioException.Problem syntax(String path, JsonProcessingException error, String where) {
        String message = firstLine(error.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            return new ScenarioException.Problem(path, message.replace("Duplicate field", "field appears twice:") + where);
        }
        // SnakeYAML explains in its unindented lines ("while parsing ...", "expected ..., but found ...").
        String reason = error.getOriginalMessage() == null ? message : String.join("; ",
                error.getOriginalMessage().lines().filter(line -> !line.isBlank() && !line.startsWith(" ")).toList());
        return new ScenarioException.Problem(path, "not valid YAML: " + reason + where);
    }

    /** {@code plants[1].lines[0].stations[2].idealCycleSeconds}. */
    static String path(JsonMappingException error) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : error.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == Double.class || type == double.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string (quote values such as 01 or yes)";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "a mapping (field: value)";
        }
        return "a " + type.getSimpleName();
    }

    private static String found(MismatchedInputException error) {
        String message = error.getOriginalMessage();
        Matcher coerced = COERCED_VALUE.matcher(message);
        if (coerced.find()) {
            return "'" + coerced.group(1) + "'";
        }
        if (message.contains("from String") || message.contains("String value")) {
            return "a string";
        }
        if (message.contains("Array value") || message.contains("START_ARRAY")) {
            return "a list";
        }
        if (message.contains("Object value") || message.contains("START_OBJECT")) {
            return "a mapping";
        }
        if (message.contains("Floating-point") || message.contains("from Floating")) {
            return "a decimal number";
        }
        if (message.contains("Integer value") || message.contains("from Integer")) {
            return "a whole number";
        }
        if (message.contains("Boolean")) {
            return "a boolean";
        }
        return "something else";
    }

    private static String known(Collection<Object> ids) {
        TreeSet<String> names = new TreeSet<>();
        for (Object id : ids) {
            names.add(String.valueOf(id));
        }
        return String.join(", ", List.copyOf(names));
    }

    private static String location(IOException error) {
        if (error instanceof JsonProcessingException processing) {
            JsonLocation location = processing.getLocation();
            if (location != null && location.getLineNr() > 0) {
                return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
        }
        return "";
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable input" : message.lines().findFirst().orElse("");
    }
}
