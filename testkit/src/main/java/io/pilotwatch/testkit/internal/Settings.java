package io.pilotwatch.testkit.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The testkit's system properties, read when used so that a test can change them. */
final class Settings {

    static final String REQUIRE = "testkit.require";
    static final String START_TIMEOUT_SECONDS = "testkit.startTimeoutSeconds";
    static final String KAFKA_JVM_OPTS = "testkit.kafka.jvmOpts";
    static final String MOSQUITTO = "testkit.mosquitto";
    static final String MOSQUITTO_ENV = "MOSQUITTO_BIN";

    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    // Serial GC and a capped heap: several brokers and the tests share 2 cores.
    private static final String DEFAULT_KAFKA_JVM_OPTS =
            "-Xms256m -Xmx768m -XX:+UseSerialGC -Djava.awt.headless=true";

    private Settings() {
    }

    /** Whether a missing broker fails the test instead of skipping it. */
    static boolean require() {
        return Boolean.parseBoolean(System.getProperty(REQUIRE, "false"));
    }

    /** How long a broker may take to start, and to stop after SIGTERM. */
    static Duration startTimeout() {
        return parseStartTimeout(System.getProperty(START_TIMEOUT_SECONDS));
    }

    static List<String> kafkaJvmOptions() {
        return splitOptions(System.getProperty(KAFKA_JVM_OPTS, DEFAULT_KAFKA_JVM_OPTS));
    }

    static Duration parseStartTimeout(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_START_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(badTimeout(value), e);
        }
        throw new IllegalArgumentException(badTimeout(value));
    }

    static List<String> splitOptions(String options) {
        String trimmed = options.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    private static String badTimeout(String value) {
        return START_TIMEOUT_SECONDS + " must be a positive whole number of seconds, got '" + value + "'";
    }
}
