package io.pilotwatch.deploy.bench;

import io.pilotwatch.ingest.Application;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The ingest bridge as it is deployed: its own JVM ({@code Application.main}, configured through environment
 * variables, with a fixed {@code -Xmx}), so that its heap and resident memory can be measured apart from the
 * load generator's.
 */
final class BridgeProcess implements AutoCloseable {

    private final ServiceProcess process;
    private final int mqttPort;
    private final String clientId;
    private final int subscribeConnections;

    private BridgeProcess(ServiceProcess process, int mqttPort, String clientId, int subscribeConnections) {
        this.process = process;
        this.mqttPort = mqttPort;
        this.clientId = clientId;
        this.subscribeConnections = subscribeConnections;
    }

    /**
     * Starts a bridge and waits until it is ready.
     *
     * @param mode                  {@code subscribe} or {@code listen}
     * @param sharedGroup           the MQTT shared-subscription group (subscribe mode), or null for a plain one
     * @param subscribeConnections  connections to Mosquitto in subscribe mode (more than 1 needs a group)
     * @param perClientWindow       in-flight messages allowed per device connection in listen mode
     * @param extraEnvironment      further configuration (e.g. {@code KAFKA_TOPIC_TELEMETRY})
     */
    static BridgeProcess start(String mode, String name, KafkaBroker kafka, MqttBroker mosquitto, String sharedGroup,
                               int subscribeConnections, int perClientWindow, String maxHeap, Path logDir,
                               Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        int mqttPort = freePort();
        String clientId = "bench-" + name + "-" + System.nanoTime();
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("INGEST_MODE", mode);
        env.put("INGEST_BRIDGE_ID", name);
        env.put("MQTT_URL", mosquitto.url());
        env.put("MQTT_CLIENT_ID", clientId);
        if (sharedGroup != null) {
            env.put("MQTT_SHARED_GROUP", sharedGroup);
        }
        env.put("MQTT_CONNECTIONS", Integer.toString(subscribeConnections));
        env.put("INGEST_LISTEN_HOST", "127.0.0.1");
        env.put("INGEST_LISTEN_PORT", Integer.toString(mqttPort));
        env.put("INGEST_LISTEN_ANONYMOUS", "true");
        env.put("INGEST_LISTEN_MAX_INFLIGHT_PER_CLIENT", Integer.toString(perClientWindow));
        env.putAll(extraEnvironment);
        ServiceProcess process = ServiceProcess.start(Application.class, env, maxHeap, logDir);
        try {
            process.awaitReady(Duration.ofSeconds(90));
        } catch (RuntimeException | IOException | InterruptedException e) {
            process.kill();
            throw e;
        }
        return new BridgeProcess(process, mqttPort, clientId, subscribeConnections);
    }

    /** Where devices connect in listen mode. */
    String listenUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    /** The listen-mode port on 127.0.0.1. */
    int listenPort() {
        return mqttPort;
    }

    /** The client id (prefix, with {@code -i} per connection when there are several) towards Mosquitto. */
    String clientId() {
        return clientId;
    }

    /** Connections (and so persistent sessions) towards Mosquitto in subscribe mode. */
    int subscribeConnections() {
        return subscribeConnections;
    }

    long pid() {
        return process.pid();
    }

    MetricsScrape scrape() throws IOException, InterruptedException {
        return MetricsScrape.of(process.httpPort());
    }

    /** Messages acknowledged by Kafka on the telemetry topic so far. */
    long forwarded() throws IOException, InterruptedException {
        return Math.round(scrape().sum("ingest_messages_forwarded_total"));
    }

    @Override
    public void close() throws InterruptedException {
        process.kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
