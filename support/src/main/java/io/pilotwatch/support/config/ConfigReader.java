package io.pilotwatch.support.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Typed, validating reads of configuration keys; every failure names the key. */
public final class ConfigReader {

    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    public ConfigReader(Map<String, String> values) {
        this.values = values;
    }

    public Optional<String> optional(String key) {
        read.add(key);
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    public String required(String key, String hint) {
        return optional(key).orElseThrow(() -> new ConfigException(key, "is required (" + hint + ")"));
    }

    public int intIn(String key, int defaultValue, int min, int max) {
        return (int) longIn(key, defaultValue, min, max);
    }

    public long longIn(String key, long defaultValue, long min, long max) {
        return optional(key).map(text -> {
            try {
                long value = Long.parseLong(text);
                if (value < min || value > max) {
                    throw new ConfigException(key, "must be from " + min + " to " + max + ", got " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "must be an integer, got '" + text + "'");
            }
        }).orElse(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        return optional(key).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, "must be true or false, got '" + text + "'");
        }).orElse(defaultValue);
    }

    public <E extends Enum<E>> E enumValue(String key, E defaultValue) {
        Class<E> type = defaultValue.getDeclaringClass();
        return optional(key).map(text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : "|").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new ConfigException(key, "must be one of " + allowed + ", got '" + text + "'");
        }).orElse(defaultValue);
    }

    /** An optional path that, when set, must name a readable file. */
    public Optional<Path> readableFile(String key) {
        return optional(key).map(text -> {
            Path path = Path.of(text);
            if (!Files.isReadable(path) || Files.isDirectory(path)) {
                throw new ConfigException(key, "file '" + text + "' does not exist or is not readable");
            }
            return path;
        });
    }

    /** All entries under {@code prefix}, with the prefix removed. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                read.add(key);
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    /** Fails on the first key nobody read: a typo must not silently fall back to a default. */
    public void rejectUnknownKeys() {
        values.keySet().stream().filter(key -> !read.contains(key)).sorted().findFirst().ifPresent(key -> {
            throw new ConfigException(key, "is not a known key (see docs/configuration.md)");
        });
    }
}
