package io.pilotwatch.deploy.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports: picking free ones for 0, and failing early, naming the option, when a chosen one is taken. */
final class PortCheck {

    private PortCheck() {
    }

    /** The options with every 0 port (but Kafka's, which the broker keeps in its data) replaced by a free one. */
    static StackOptions resolve(StackOptions o) throws IOException {
        return new StackOptions(o.home(), o.dataDir(), o.reset(), o.duration(), o.mqttHost(),
                o.listen() ? orFree(o.mqttPort()) : o.mqttPort(), o.mqttUrl(), o.mqttUsername(), o.mqttPassword(),
                o.kafka(), o.kafkaPort(), orFree(o.ingestPort()), orFree(o.analyticsPort()), o.simulator());
    }

    /** @throws IllegalStateException naming the option of the first port that is in use */
    static void free(StackOptions o) {
        if (o.listen()) {
            check("--mqtt-port", o.mqttHost(), o.mqttPort());
        }
        if (o.kafka().isEmpty() && o.kafkaPort() != 0) {
            check("--kafka-port", "127.0.0.1", o.kafkaPort());
        }
        check("--ingest-port", "127.0.0.1", o.ingestPort());
        check("--analytics-port", "127.0.0.1", o.analyticsPort());
    }

    private static void check(String option, String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on " + host + " (" + option + ") is not available: "
                    + e.getMessage() + "; choose another with " + option + ", or 0 for a free one");
        }
    }

    private static int orFree(int port) throws IOException {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
