package io.pilotwatch.support.config;

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
 * Reads a service's configuration: one properties file, overlaid by environment variables. A variable
 * overrides the key it spells in upper case with {@code _} for {@code .} ({@code KAFKA_BOOTSTRAP_SERVERS}
 * for {@code kafka.bootstrap.servers}). Variables under a pass-through prefix ({@code KAFKA_PRODUCER_} for
 * the bridge, {@code KAFKA_STREAMS_} for analytics) become keys under the matching key prefix
 * ({@code KAFKA_PRODUCER_LINGER_MS} becomes {@code kafka.producer.linger.ms}).
 */
public final class ConfigSource {

    private ConfigSource() {
    }

    /**
     * The file's entries (none if {@code file} is null) overlaid by the environment.
     *
     * @param knownKeys        keys that an environment variable of the same spelling overrides
     * @param passThroughEnv   prefix of environment variables passed through, e.g. {@code KAFKA_PRODUCER_}
     * @param passThroughKey   the key prefix they map to, e.g. {@code kafka.producer.}
     * @throws ConfigException if the file cannot be read
     */
    public static Map<String, String> load(Path file, Map<String, String> environment, Set<String> knownKeys,
                                           String passThroughEnv, String passThroughKey) {
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
            if (name.startsWith(passThroughEnv) && name.length() > passThroughEnv.length()) {
                String suffix = name.substring(passThroughEnv.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(passThroughKey + suffix, value);
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
