package io.pilotwatch.simulator.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Durations such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, or ISO-8601 {@code PT30S}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** @throws CommandLine.TypeConversionException naming the accepted forms */
    public static Duration parse(String value) {
        Matcher simple = SIMPLE.matcher(value.trim());
        if (simple.matches()) {
            double amount = Double.parseDouble(simple.group(1));
            double millis = switch (simple.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 86_400_000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("expected a duration such as 500ms, 30s, 5m, 2h, 1d or "
                    + "PT30S, got '" + value + "'");
        }
    }
}
