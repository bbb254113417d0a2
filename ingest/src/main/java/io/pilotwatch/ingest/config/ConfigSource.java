package io.pilotwatch.ingest.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the configuration: one properties file, overlaid by environment variables. A variable
 * overrides the key it spells in upper case with {@code _} for {@code .} ({@code KAFKA_BOOTSTRAP_SERVERS}
 * for {@code kafka.bootstrap.servers}); {@code KAFKA_PRODUCER_*} variables become {@code kafka.producer.*} keys.
 */
public final class ConfigSource {

    private static final String PRODUCER_ENV_PREFIX = "KAFKA_PRODUCER_";

    private ConfigSource() {
    }

    /** The file's entries (none if {@code file} is null) overlaid by the environment. */
    public static Map<String, String> load(Path file, Map<String, String> environment, Set<String> knownKeys) {
        Map<String, String> values = new TreeMap<>();
        if (file != null) {
            values.putAll(readProperties(file));
        }
        for (String key : knownKeys) {
            String env = environment.get(envName(key));
            if (env != null) {
                values.put(key, env);
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(PRODUCER_ENV_PREFIX) && name.length() > PRODUCER_ENV_PREFIX.length()) {
                String suffix = name.substring(PRODUCER_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(IngestConfig.PRODUCER_PREFIX + suffix, value);
            }
        });
        return values;
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("config file", "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).trim()));
        return values;
    }
}
