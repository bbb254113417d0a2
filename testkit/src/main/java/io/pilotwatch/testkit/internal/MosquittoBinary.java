package io.pilotwatch.testkit.internal;

import io.pilotwatch.testkit.BrokerUnavailableException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Finds the mosquitto executable: property, environment variable, Debian's path, then PATH. */
final class MosquittoBinary {

    static final Path DEBIAN_PATH = Path.of("/usr/sbin/mosquitto");
    private static final String HOW_TO_GET_IT = "Install it with 'apt-get install mosquitto', or set -D"
            + Settings.MOSQUITTO + "=/path/to/mosquitto (or the environment variable " + Settings.MOSQUITTO_ENV + ").";

    private MosquittoBinary() {
    }

    static Path locate() {
        return locate(System.getProperty(Settings.MOSQUITTO), System.getenv(Settings.MOSQUITTO_ENV),
                System.getenv("PATH"), Files::isExecutable);
    }

    /**
     * @throws BrokerUnavailableException if nothing executable is found, or if an explicitly
     *     configured path is not executable (no fallback: the setting would be silently ignored)
     */
    static Path locate(String property, String env, String pathVariable, Predicate<Path> executable) {
        if (property != null && !property.isBlank()) {
            return explicit(Path.of(property), "-D" + Settings.MOSQUITTO, executable);
        }
        if (env != null && !env.isBlank()) {
            return explicit(Path.of(env), "$" + Settings.MOSQUITTO_ENV, executable);
        }
        if (executable.test(DEBIAN_PATH)) {
            return DEBIAN_PATH;
        }
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, "mosquitto");
                if (executable.test(candidate)) {
                    return candidate;
                }
            }
        }
        throw new BrokerUnavailableException("Mosquitto not found: not at " + DEBIAN_PATH
                + " nor on the PATH, and neither -D" + Settings.MOSQUITTO + " nor $" + Settings.MOSQUITTO_ENV
                + " is set. " + HOW_TO_GET_IT);
    }

    private static Path explicit(Path path, String source, Predicate<Path> executable) {
        if (!executable.test(path)) {
            throw new BrokerUnavailableException("Mosquitto not found: " + source + " is " + path
                    + ", which is not an executable file. " + HOW_TO_GET_IT);
        }
        return path;
    }
}
