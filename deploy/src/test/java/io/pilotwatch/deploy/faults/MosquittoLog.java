package io.pilotwatch.deploy.faults;

import io.pilotwatch.testkit.MqttBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

/**
 * Mosquitto's own record of the packets it exchanged with a client, read from its log file: the broker's view of
 * what the bridge acknowledged, which the bridge's counters cannot give (they only rise after Kafka succeeded).
 * Needs the broker started with {@link #DEBUG}; Mosquitto writes its log file line by line.
 */
final class MosquittoLog {

    /** Extra configuration: log every packet. */
    static final List<String> DEBUG = List.of("log_type debug");

    /**
     * Mosquitto's default {@code max_inflight_messages}: it sends a client at most this many QoS 1 messages that the
     * client has not acknowledged. A bridge holding this many holds the broker's whole window.
     */
    static final int WINDOW = 20;

    private MosquittoLog() {
    }

    /** PUBACKs the broker received from the client: every QoS 1 message the client acknowledged. */
    static long pubacksFrom(MqttBroker broker, String clientId) {
        return count(broker, "Received PUBACK from " + clientId + " (");
    }

    /** QoS 1 messages the broker sent the client again (DUP flag): ones a previous session never acknowledged. */
    static long redeliveriesTo(MqttBroker broker, String clientId) {
        return count(broker, "Sending PUBLISH to " + clientId + " (d1,");
    }

    private static long count(MqttBroker broker, String text) {
        try (Stream<String> lines = Files.lines(broker.logFile(), StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Mosquitto's log " + broker.logFile(), e);
        }
    }
}
