package io.pilotwatch.ingest.sparkplug;

import io.pilotwatch.support.config.ConfigException;

/** A Sparkplug mapping file is unusable; the message names the file, the key inside it and the problem. */
final class MappingException {

    private MappingException() {
    }

    /** A {@link ConfigException} on {@code sparkplug.mapping.file}, so the bridge fails at start like for any bad key. */
    static ConfigException at(String file, String key, String problem) {
        return new ConfigException("sparkplug.mapping.file",
                "mapping file '" + file + "', key '" + (key.isEmpty() ? "(root)" : key) + "': " + problem);
    }
}
