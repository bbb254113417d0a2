package io.pilotwatch.analytics.config;

/**
 * A targets or baselines file is unreadable or invalid. The message names the file, the key (a dotted
 * path such as {@code plants.hz-gearbox.milestones.2020.due}) and the problem, so the service fails at
 * start with something an operator can fix.
 */
public final class DefinitionFileException extends RuntimeException {

    private final String file;
    private final String key;

    public DefinitionFileException(String kind, String file, String key, String problem) {
        super(kind + " file '" + file + "', key '" + key + "': " + problem);
        this.file = file;
        this.key = key;
    }

    public String file() {
        return file;
    }

    public String key() {
        return key;
    }
}
