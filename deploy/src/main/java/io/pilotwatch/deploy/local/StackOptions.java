package io.pilotwatch.deploy.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the launcher was asked for, checked.
 *
 * @param home          where the built jars are ({@code ingest/target/ingest.jar} etc. below it)
 * @param dataDir       everything the stack keeps
 * @param reset         delete the data directory first
 * @param duration      stop after this long; empty: until Ctrl-C
 * @param mqttHost      listen mode: the address the bridge's MQTT listener binds
 * @param mqttPort      listen mode: its port (0: a free one)
 * @param mqttUrl       an external MQTT broker: the bridge subscribes to it instead of listening
 * @param mqttUsername  credentials for the external broker (bridge and simulator)
 * @param mqttPassword  its password
 * @param kafka         an external Kafka's bootstrap servers instead of the embedded broker
 * @param kafkaPort     the embedded broker's port (0: a free one, kept in the data directory)
 * @param ingestPort    the bridge's HTTP port (metrics, health)
 * @param analyticsPort the analytics service's HTTP port (metrics, health, scorecard)
 * @param simulator     run the simulator
 */
record StackOptions(Path home, Path dataDir, boolean reset, Optional<Duration> duration, String mqttHost, int mqttPort,
                    Optional<String> mqttUrl, Optional<String> mqttUsername, Optional<String> mqttPassword,
                    Optional<String> kafka, int kafkaPort, int ingestPort, int analyticsPort, boolean simulator) {

    StackOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(dataDir, "dataDir");
        duration.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("--duration must be positive, got " + d);
            }
        });
        checkPort("--mqtt-port", mqttPort);
        checkPort("--kafka-port", kafkaPort);
        checkPort("--ingest-port", ingestPort);
        checkPort("--analytics-port", analyticsPort);
        if (mqttUrl.isPresent() && !mqttUrl.get().matches("(tcp|ssl)://[^/]+:\\d+")) {
            throw new IllegalArgumentException("--mqtt-url must be tcp://host:port or ssl://host:port, got '"
                    + mqttUrl.get() + "'");
        }
        if (mqttUrl.isEmpty() && (mqttUsername.isPresent() || mqttPassword.isPresent())) {
            throw new IllegalArgumentException("--mqtt-username and --mqtt-password apply to an external broker "
                    + "(--mqtt-url) only; the built-in listener generates its own device credentials");
        }
        if (kafka.isPresent() && kafka.get().isBlank()) {
            throw new IllegalArgumentException("--kafka must be host:port[,host:port...]");
        }
    }

    /** Listen mode: devices (and the simulator) connect to the bridge itself. */
    boolean listen() {
        return mqttUrl.isEmpty();
    }

    /** Whether the listener is reachable only from this machine, which is when it may accept anonymous devices. */
    boolean loopbackOnly() {
        try {
            return InetAddress.getByName(mqttHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--mqtt-host: unknown host '" + mqttHost + "'", e);
        }
    }

    Path jar(String module) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private static void checkPort(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(option + " must be from 0 to 65535, got " + port);
        }
    }
}
