package io.pilotwatch.ingest.security;

import static io.pilotwatch.ingest.KafkaTopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotwatch.ingest.Application;
import io.pilotwatch.ingest.KafkaTopicReader;
import io.pilotwatch.ingest.TestCertificates;
import io.pilotwatch.ingest.mqtt.Credentials;
import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscribe mode against a Mosquitto that requires TLS and a password, with the bridge as a child JVM configured
 * the way it is deployed (environment variables, Kafka SASL secrets among them); and, in both modes, no password,
 * secret or password hash ever appears in the bridge's log (at debug level for the bridge's own classes, Kafka's
 * client at INFO; plain and JSON lines) or on its /metrics.
 */
@RealBrokers
class SecretsAndSubscribeTlsIT {

    private static final String BRIDGE_PASSWORD = "mqtt-" + UUID.randomUUID();
    private static final String DEVICE_PASSWORD = "device-" + UUID.randomUUID();
    private static final String KAFKA_PASSWORD = "kafka-" + UUID.randomUUID();
    private static final String TRUSTSTORE_SECRET = "trust-" + UUID.randomUUID();
    private static TestCertificates certs;
    private static MqttBroker mosquitto;
    private static int tlsPort;

    @BeforeAll
    static void startMosquittoWithTlsAndPasswords(@TempDir Path dir) throws Exception {
        certs = TestCertificates.create(dir);
        Path passwords = dir.resolve("passwd");
        run("mosquitto_passwd", "-c", "-b", passwords.toString(), "bridge", BRIDGE_PASSWORD);
        run("mosquitto_passwd", "-b", passwords.toString(), "device", DEVICE_PASSWORD);
        tlsPort = freePort();
        mosquitto = Brokers.startMosquitto(List.of(
                "listener " + tlsPort + " 127.0.0.1",
                "cafile " + certs.caPem,
                "certfile " + certs.serverPem,
                "keyfile " + certs.serverKey,
                "password_file " + passwords,
                "allow_anonymous false"));
    }

    @AfterAll
    static void stopMosquitto() {
        mosquitto.close();
    }

    @ParameterizedTest(name = "LOG_FORMAT={0}")
    @ValueSource(strings = {"plain", "json"})
    void subscribeModeOverTlsWithPasswordForwardsAndLeaksNoSecret(String format, KafkaBroker kafka) throws Exception {
        Map<String, String> environment = new HashMap<>(subscribeEnvironment(kafka, BRIDGE_PASSWORD, "tls-" + format));
        environment.put("LOG_FORMAT", format);
        ServiceProcess bridge = ServiceProcess.start(Application.class, environment, "256m", Path.of("target", "bridge-logs"));
        String metrics;
        try {
            bridge.awaitReady(Duration.ofSeconds(180));
            MqttClient device = new MqttClient("ssl://127.0.0.1:" + tlsPort, "tls-device", new MemoryPersistence());
            device.connect(tlsOptions("device", DEVICE_PASSWORD));
            device.publish("factory/v1/p1/l1/s1/state", "{\"seq\":31,\"ts\":0,\"state\":\"idle\"}"
                    .getBytes(StandardCharsets.UTF_8), 1, false);
            device.disconnect();
            try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "secure-telemetry-tls-" + format)) {
                assertThat(telemetry.awaitAtLeast(1, Duration.ofSeconds(60)))
                        .anyMatch(r -> text(r.value()).contains("\"seq\":31,"));
            }
            metrics = get(bridge.httpPort(), "/metrics");
        } finally {
            bridge.kill();
        }
        String log = Files.readString(bridge.logFile());
        assertThat(log).as("the log is the one of a working bridge").contains("Subscribed").contains("ProducerConfig values");
        if (format.equals("json")) {
            // Seen failing while Tahu's logback.xml (root TRACE, plain lines) took over from the LOG_* configuration.
            assertThat(jsonLogMessages(log)).as("one JSON object per log line").anyMatch(m -> m.startsWith("Subscribed"))
                    .anyMatch(m -> m.startsWith("ProducerConfig values"));
        }
        // Seen failing when the bridge logged its MQTT password at debug (a temporary LOG.debug of MQTT_PASSWORD in Application.main), in both formats.
        assertNoSecret(log, "log", BRIDGE_PASSWORD, KAFKA_PASSWORD, TRUSTSTORE_SECRET);
        assertThat(metrics).contains("ingest_messages_forwarded_total");
        assertNoSecret(metrics, "/metrics", BRIDGE_PASSWORD, KAFKA_PASSWORD, TRUSTSTORE_SECRET);
    }

    @Test
    void wrongBrokerPasswordKeepsTheBridgeOutAndIsNotLogged(KafkaBroker kafka) throws Exception {
        String wrong = "wrong-" + UUID.randomUUID();
        ServiceProcess bridge = ServiceProcess.start(Application.class, subscribeEnvironment(kafka, wrong, "wrong"),
                "256m", Path.of("target", "bridge-logs"));
        try {
            // Refused by the broker for the password: TLS itself worked.
            await().atMost(Duration.ofSeconds(180)).until(() -> java.util.regex.Pattern.compile(
                    "Cannot connect to ssl://.*Connection failed: CONNECTION_REFUSED_(NOT_AUTHORIZED|BAD_USER_NAME_OR_PASSWORD)")
                    .matcher(Files.readString(bridge.logFile())).find());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(bridge.httpPort(), "/health/ready"))
                    .as("not ready without the broker").contains("\"mqtt\":\"DOWN\""));
        } finally {
            bridge.kill();
        }
        assertNoSecret(Files.readString(bridge.logFile()), "log", wrong, KAFKA_PASSWORD, TRUSTSTORE_SECRET);
    }

    @Test
    void listenModeLogsNeitherPasswordsNorHashes(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        String hash = Credentials.hash(DEVICE_PASSWORD.getBytes(StandardCharsets.UTF_8));
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "gw-l1 p1/l1 " + hash + "\n");
        int port = freePort();
        Map<String, String> environment = new HashMap<>(commonEnvironment(kafka, "listen"));
        environment.put("INGEST_MODE", "listen");
        environment.put("INGEST_LISTEN_HOST", "127.0.0.1");
        environment.put("INGEST_LISTEN_PORT", Integer.toString(port));
        environment.put("INGEST_LISTEN_CREDENTIALS_FILE", credentials.toString());
        environment.put("LOG_FORMAT", "json");
        String guess = "guess-" + UUID.randomUUID();
        ServiceProcess bridge = ServiceProcess.start(Application.class, environment, "256m", Path.of("target", "bridge-logs"));
        String metrics;
        try {
            bridge.awaitReady(Duration.ofSeconds(180));
            MqttClient intruder = new MqttClient("tcp://127.0.0.1:" + port, "intruder", new MemoryPersistence());
            MqttConnectOptions wrong = new MqttConnectOptions();
            wrong.setUserName("gw-l1");
            wrong.setPassword(guess.toCharArray());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> intruder.connect(wrong)).isInstanceOf(MqttException.class);
            MqttClient device = new MqttClient("tcp://127.0.0.1:" + port, "gw-device", new MemoryPersistence());
            MqttConnectOptions right = new MqttConnectOptions();
            right.setUserName("gw-l1");
            right.setPassword(DEVICE_PASSWORD.toCharArray());
            device.connect(right);
            device.publish("factory/v1/p1/l1/s1/state", "{\"seq\":1,\"ts\":0,\"state\":\"idle\"}"
                    .getBytes(StandardCharsets.UTF_8), 1, false);
            device.disconnect();
            metrics = get(bridge.httpPort(), "/metrics");
        } finally {
            bridge.kill();
        }
        String log = Files.readString(bridge.logFile());
        assertThat(jsonLogMessages(log)).as("the refusal is logged, by user name")
                .anyMatch(m -> m.contains("Refused intruder") && m.contains("bad_credentials"));
        String[] hashParts = hash.split(":");
        for (String text : List.of(log, metrics)) {
            assertNoSecret(text, "log or /metrics", DEVICE_PASSWORD, guess, KAFKA_PASSWORD, hash, hashParts[2], hashParts[3]);
        }
    }

    /** The messages of the log's JSON lines; fails on a log line that is not JSON (the JVM's own notes aside). */
    private static List<String> jsonLogMessages(String log) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> messages = new java.util.ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("Picked up JAVA_TOOL_OPTIONS")) {
                continue; // printed by the JVM itself, before any logging
            }
            JsonNode event = json.readTree(line);
            assertThat(event.has("@timestamp") && event.has("level") && event.has("logger_name")).as(line).isTrue();
            messages.add(event.get("message").asText());
        }
        return messages;
    }

    private static void assertNoSecret(String text, String where, String... secrets) {
        for (String secret : secrets) {
            assertThat(text).as(where + " must not contain a secret").doesNotContain(secret);
        }
    }

    /** Bridge settings with Kafka secrets a deployment would have (SASL JAAS, a trust-store password). */
    private static Map<String, String> commonEnvironment(KafkaBroker kafka, String suffix) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("KAFKA_TOPIC_TELEMETRY", "secure-telemetry-" + suffix);
        environment.put("KAFKA_TOPIC_DLQ", "secure-dlq-" + suffix);
        // Unused with the test broker's PLAINTEXT listener, but parsed and logged by the producer like in production.
        environment.put("KAFKA_PRODUCER_SASL_MECHANISM", "SCRAM-SHA-512");
        environment.put("KAFKA_PRODUCER_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"ingest\" password=\"" + KAFKA_PASSWORD + "\";");
        environment.put("KAFKA_PRODUCER_SSL_TRUSTSTORE_PASSWORD", TRUSTSTORE_SECRET);
        // The bridge's own classes at debug level and the Kafka client at INFO (its configuration dumps, quiet by
        // default): secrets must not leak there either.
        environment.put("PILOTWATCH_LOG_LEVEL", "debug");
        environment.put("LOG_LEVELS", "org.apache.kafka=INFO");
        environment.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + certs.trustP12 + " -Djavax.net.ssl.trustStorePassword="
                + TestCertificates.PASSWORD + " -Djavax.net.ssl.trustStoreType=PKCS12");
        return environment;
    }

    private static Map<String, String> subscribeEnvironment(KafkaBroker kafka, String password, String suffix) {
        Map<String, String> environment = new HashMap<>(commonEnvironment(kafka, suffix));
        environment.put("MQTT_URL", "ssl://127.0.0.1:" + tlsPort);
        environment.put("MQTT_USERNAME", "bridge");
        environment.put("MQTT_PASSWORD", password);
        environment.put("MQTT_CLIENT_ID", "secure-bridge-" + suffix);
        environment.put("MQTT_RECONNECT_INITIAL_MS", "200");
        environment.put("MQTT_RECONNECT_MAX_MS", "1000");
        return environment;
    }

    private static MqttConnectOptions tlsOptions(String user, String password) {
        Properties ssl = new Properties();
        ssl.setProperty("com.ibm.ssl.trustStore", certs.trustP12.toString());
        ssl.setProperty("com.ibm.ssl.trustStorePassword", TestCertificates.PASSWORD);
        ssl.setProperty("com.ibm.ssl.trustStoreType", "PKCS12");
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSSLProperties(ssl);
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        return options;
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
