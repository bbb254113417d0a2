package io.pilotwatch.testkit.internal;

import java.nio.file.Path;

/** The {@code mosquitto.conf} of a test broker (options as documented for Mosquitto 2.0). */
final class MosquittoConfig {

    private MosquittoConfig() {
    }

    /**
     * @param user the user running this JVM. Started as root, Mosquitto switches to user
     *     {@code mosquitto}, which cannot write our root-owned temp directory; naming the current
     *     user keeps it as is (the option has no effect for other users).
     */
    static String render(String host, int port, Path dataDir, Path logFile, String user) {
        return String.join("\n",
                "listener " + port + " " + host,
                "allow_anonymous true",
                "user " + user,
                "persistence true",
                // Mosquitto appends the file name to this path as is: the trailing slash is needed.
                "persistence_location " + dataDir + "/",
                // Save every second, so even a SIGKILL loses at most about a second of state.
                "autosave_interval 1",
                // No limit: an offline persistent session must hold the whole backlog (default 1000).
                "max_queued_messages 0",
                "log_dest file " + logFile,
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                "log_timestamp_format %Y-%m-%dT%H:%M:%S",
                "");
    }
}
