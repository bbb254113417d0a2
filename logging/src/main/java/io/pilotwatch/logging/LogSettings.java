package io.pilotwatch.logging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the {@code LOG_*} variables ask for, validated: a bad value is reported in {@link #problems()} (naming the
 * variable) and replaced by its default, so that a typo in a level never silences a service.
 *
 * @param format         {@code LOG_FORMAT}: plain text lines (default) or one JSON object per line
 * @param rootLevel      {@code LOG_LEVEL}: every logger without a level of its own (default INFO)
 * @param loggerLevels   levels of named loggers: the quiet defaults ({@link #QUIET_DEFAULTS}), overridden by
 *                       {@code PILOTWATCH_LOG_LEVEL} for {@code io.pilotwatch}, overridden by {@code LOG_LEVELS}
 * @param problems       one message per rejected value, for the service's error output
 */
public record LogSettings(Format format, String rootLevel, Map<String, String> loggerLevels, List<String> problems) {

    /** Plain text or JSON (Logstash's field names: {@code @timestamp}, {@code level}, {@code logger_name}, ...). */
    public enum Format { PLAIN, JSON }

    /** Libraries that are chatty at INFO (Kafka prints every client's full configuration). */
    public static final Map<String, String> QUIET_DEFAULTS = Map.of("org.apache.kafka", "WARN", "io.netty", "WARN");

    static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /**
     * Reads the settings through {@code lookup} (variable name to value or null): a JVM system property of the
     * variable's name first (handy in tests and for {@code -DLOG_LEVEL=debug}), then the environment.
     */
    public static LogSettings read(UnaryOperator<String> lookup) {
        List<String> problems = new ArrayList<>();
        Format format = Format.PLAIN;
        String formatValue = blankToNull(lookup.apply("LOG_FORMAT"));
        if (formatValue != null) {
            try {
                format = Format.valueOf(formatValue.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("LOG_FORMAT: must be plain or json, got '" + formatValue + "'; using plain");
            }
        }
        String root = level("LOG_LEVEL", lookup.apply("LOG_LEVEL"), problems).orElse("INFO");
        Map<String, String> loggers = new LinkedHashMap<>(QUIET_DEFAULTS);
        level("PILOTWATCH_LOG_LEVEL", lookup.apply("PILOTWATCH_LOG_LEVEL"), problems)
                .ifPresent(level -> loggers.put("io.pilotwatch", level));
        String named = blankToNull(lookup.apply("LOG_LEVELS"));
        if (named != null) {
            for (String entry : named.split(",")) {
                putNamed(entry.strip(), loggers, problems);
            }
        }
        return new LogSettings(format, root, Map.copyOf(loggers), List.copyOf(problems));
    }

    /** {@link #read} from system properties, then environment variables. */
    public static LogSettings fromSystem() {
        return read(name -> Optional.ofNullable(System.getProperty(name)).orElseGet(() -> System.getenv(name)));
    }

    private static void putNamed(String entry, Map<String, String> loggers, List<String> problems) {
        if (entry.isEmpty()) {
            return;
        }
        int equals = entry.indexOf('=');
        String name = equals > 0 ? entry.substring(0, equals).strip() : "";
        if (name.isEmpty()) {
            problems.add("LOG_LEVELS: '" + entry + "' is not logger=LEVEL (e.g. org.apache.kafka=INFO); ignored");
            return;
        }
        level("LOG_LEVELS", entry.substring(equals + 1), problems).ifPresent(level -> loggers.put(name, level));
    }

    private static Optional<String> level(String variable, String value, List<String> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return Optional.empty();
        }
        String level = text.toUpperCase(Locale.ROOT);
        if (level.equals("WARNING")) {
            level = "WARN";
        }
        if (!LEVELS.contains(level)) {
            problems.add(variable + ": '" + text + "' is not a level (" + String.join(", ", LEVELS) + "); ignored");
            return Optional.empty();
        }
        return Optional.of(level);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
