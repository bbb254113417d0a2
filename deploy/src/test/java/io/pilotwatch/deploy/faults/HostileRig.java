package io.pilotwatch.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.ingest.mqtt.Credentials;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What every hostile-corpus class shares (docs/reliability.md, "Hostile corpus"): the real bridge in listen mode
 * and the real analytics, each a child JVM, on one Kafka; and a witness, a well-behaved device of another plant
 * whose messages must keep flowing after every hostile case. The bridge's PUBACK is the witness's proof: when
 * Paho's {@code publish} returns, the bridge's forwarded counter (which moves only once Kafka acknowledged the
 * record, before the PUBACK is sent) has already moved, and the record is in the telemetry topic; then the
 * analytics counts it. Seen failing: with {@code Forwarder.forward} completing at once (acknowledging before Kafka),
 * the first "before the PUBACK" counter check failed (0 instead of 1).
 */
final class HostileRig implements AutoCloseable {

    static final String PASSWORD = "pw";
    static final String WITNESS_PLANT = "witness";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration READY = Duration.ofSeconds(180);

    final String run;
    final int mqttPort;
    final ServiceProcess bridge;
    final ServiceProcess analytics;
    private final KafkaBroker kafka;
    private final MqttClient witness;
    private final TopicContents telemetry;
    private long witnessSeq;

    private HostileRig(String run, KafkaBroker kafka, int mqttPort, ServiceProcess bridge, ServiceProcess analytics)
            throws MqttException {
        this.run = run;
        this.kafka = kafka;
        this.mqttPort = mqttPort;
        this.bridge = bridge;
        this.analytics = analytics;
        this.telemetry = new TopicContents(kafka.bootstrapServers(), Pipeline.telemetryTopic(run));
        this.witness = connect("witness", "witness-" + run);
    }

    /**
     * Starts both services. Credentials: {@code dev} (the hostile device, every topic), {@code dev2} (a second
     * user for floods), {@code witness}; each with password {@link #PASSWORD}.
     *
     * @param bridgeExtra bridge configuration on top of listen mode (limits a class wants small)
     */
    static HostileRig start(KafkaBroker kafka, String run, Path dir, Map<String, String> bridgeExtra) throws Exception {
        Files.createDirectories(dir);
        Path credentials = dir.resolve("credentials");
        String hash = Credentials.hash(PASSWORD.getBytes(StandardCharsets.UTF_8));
        Files.writeString(credentials, "dev * " + hash + "\ndev2 * " + hash + "\nwitness * " + hash + "\n");
        kafka.createTopic(Pipeline.telemetryTopic(run), 1);
        int mqttPort = freePort();
        Map<String, String> config = Pipeline.ingestConfig(kafka, "tcp://unused:1883", run);
        config.put("ingest.mode", "listen");
        config.put("ingest.listen.host", "127.0.0.1");
        config.put("ingest.listen.port", Integer.toString(mqttPort));
        config.put("ingest.listen.credentials.file", credentials.toString());
        config.putAll(bridgeExtra);
        ServiceProcess bridge = ServiceProcess.start(io.pilotwatch.ingest.Application.class,
                Pipeline.environment(config), "256m", Pipeline.logDir());
        ServiceProcess analytics = ServiceProcess.start(io.pilotwatch.analytics.Application.class,
                Pipeline.environment(Pipeline.analyticsConfig(kafka, run, dir.resolve("state"))), "384m",
                Pipeline.logDir());
        try {
            bridge.awaitReady(READY);
            analytics.awaitReady(READY);
            return new HostileRig(run, kafka, mqttPort, bridge, analytics);
        } catch (Exception | Error e) {
            bridge.kill();
            analytics.kill();
            throw e;
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    MqttClient connect(String user, String clientId) throws MqttException {
        // Pings often enough for a bridge with the smallest maximum idle time (5 s) to keep it.
        return connect(user, clientId, 2);
    }

    /**
     * @param keepAliveSeconds Paho declares the connection lost when a PINGRESP takes longer than this; a client
     *                         the bridge slows down (its socket paused) gets its PINGRESP late
     */
    MqttClient connect(String user, String clientId, int keepAliveSeconds) throws MqttException {
        MqttClient client = new MqttClient(url(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(PASSWORD.toCharArray());
        options.setConnectionTimeout(30);
        options.setKeepAliveInterval(keepAliveSeconds);
        client.setTimeToWait(30_000);
        client.connect(options);
        return client;
    }

    /** How many witness messages were sent (and must each be counted once by the analytics). */
    long witnessCount() {
        return witnessSeq;
    }

    /**
     * One valid message from the witness after {@code afterWhat}: acknowledged only with the record in Kafka, and
     * both services alive.
     */
    void witnessStillFlows(String afterWhat) throws Exception {
        assertThat(bridge.isAlive()).as("bridge alive after " + afterWhat).isTrue();
        assertThat(analytics.isAlive()).as("analytics alive after " + afterWhat).isTrue();
        long seq = ++witnessSeq;
        double forwardedBefore = bridgeMetric("ingest_messages_forwarded_total");
        witness.publish("factory/v1/" + WITNESS_PLANT + "/l1/w1/state", ("{\"seq\":" + seq + ",\"ts\":"
                + System.currentTimeMillis() + ",\"state\":\"running\"}").getBytes(StandardCharsets.UTF_8), 1, false);
        // The PUBACK is here: the forwarded counter moved before it was sent (no waiting).
        assertThat(bridgeMetric("ingest_messages_forwarded_total")).as("forwarded before the PUBACK, after " + afterWhat)
                .isGreaterThan(forwardedBefore);
        // Already committed when the PUBACK came; the consumer needs only its next fetch to see it.
        telemetry.awaitUntil(t -> t.stationSeqs().contains("w1/" + seq), Duration.ofSeconds(30));
    }

    /** The analytics counted every witness message exactly once: it is still processing. */
    void analyticsCountsEveryWitnessMessage(String afterWhat) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(metric(analytics, "analytics_events_accepted_total", "plant=\"" + WITNESS_PLANT + "\""))
                        .as("witness events accepted by the analytics after " + afterWhat).isEqualTo(witnessSeq));
    }

    double bridgeMetric(String name) {
        return metric(bridge, name, "");
    }

    double bridgeMetric(String name, String label) {
        return metric(bridge, name, label);
    }

    /** The DLQ of the bridge, read from the start. */
    TopicContents dlq() {
        return new TopicContents(kafka.bootstrapServers(), Pipeline.dlqTopic(run));
    }

    /** Sums a metric's samples whose labels contain {@code label} (0 if absent). */
    static double metric(ServiceProcess service, String name, String label) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(text);
            double sum = 0;
            while (matcher.find()) {
                if (label.isEmpty() || (matcher.group(1) != null && matcher.group(1).contains(label))) {
                    sum += Double.parseDouble(matcher.group(2));
                }
            }
            return sum;
        } catch (IOException e) {
            throw new IllegalStateException("no metrics from port " + service.httpPort(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> extra(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (witness.isConnected()) {
                witness.disconnect();
            }
            witness.close();
            telemetry.close();
        } finally {
            bridge.kill();
            analytics.kill();
        }
    }
}
