package io.pilotwatch.support.cli;

import io.pilotwatch.support.config.ConfigSource;

/**
 * A configuration key as {@code docs/configuration.md} documents it, with the default in the words of the docs
 * ({@code required}, {@code none}, {@code 8080}). A key ending in {@code .*} stands for a pass-through prefix.
 */
public record DocumentedKey(String key, String defaultValue) {

    /** The environment variable that overrides the key ({@code KAFKA_PRODUCER_*} for {@code kafka.producer.*}). */
    public String environmentVariable() {
        return key.endsWith(".*") ? ConfigSource.envName(key.substring(0, key.length() - 1)) + "*"
                : ConfigSource.envName(key);
    }
}
