package io.pilotwatch.ingest;

import static io.pilotwatch.ingest.KafkaTopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.ingest.mqtt.Credentials;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listen mode over mutual TLS from PEM files, with a password on top. */
@RealBrokers
class ListenTlsIT {

    private static TestCertificates certs;
    private static RunningBridge bridge;
    private static String url;

    @BeforeAll
    static void startBridge(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        certs = TestCertificates.create(dir);
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "tls-dev p1 " + Credentials.hash("pw".getBytes(StandardCharsets.UTF_8)) + "\n");
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("kafka.topic.telemetry", "tls-telemetry");
        config.put("ingest.mode", "listen");
        config.put("ingest.listen.host", "127.0.0.1");
        config.put("ingest.listen.port", "0");
        config.put("ingest.listen.credentials.file", credentials.toString());
        config.put("ingest.listen.tls.cert", certs.serverPem.toString());
        config.put("ingest.listen.tls.key", certs.serverKey.toString());
        config.put("ingest.listen.tls.client.ca", certs.caPem.toString());
        config.put("http.port", "0");
        bridge = new RunningBridge(config);
        url = "ssl://127.0.0.1:" + bridge.bridge.mqttPort();
    }

    @AfterAll
    static void stopBridge() throws Exception {
        bridge.close();
    }

    private static MqttConnectOptions options(boolean withClientCertificate) {
        Properties ssl = new Properties();
        ssl.setProperty("com.ibm.ssl.trustStore", certs.trustP12.toString());
        ssl.setProperty("com.ibm.ssl.trustStorePassword", TestCertificates.PASSWORD);
        ssl.setProperty("com.ibm.ssl.trustStoreType", "PKCS12");
        if (withClientCertificate) {
            ssl.setProperty("com.ibm.ssl.keyStore", certs.clientP12.toString());
            ssl.setProperty("com.ibm.ssl.keyStorePassword", TestCertificates.PASSWORD);
            ssl.setProperty("com.ibm.ssl.keyStoreType", "PKCS12");
        }
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSSLProperties(ssl);
        options.setUserName("tls-dev");
        options.setPassword("pw".toCharArray());
        return options;
    }

    @Test
    void deviceWithClientCertificatePublishesOverTls(KafkaBroker kafka) throws Exception {
        MqttClient device = new MqttClient(url, "tls-device", new MemoryPersistence());
        device.connect(options(true));
        device.publish("factory/v1/p1/l1/s1/state",
                "{\"seq\":77,\"ts\":0,\"state\":\"down\"}".getBytes(StandardCharsets.UTF_8), 1, false);
        device.disconnect();

        try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "tls-telemetry")) {
            assertThat(telemetry.awaitAtLeast(1, Duration.ofSeconds(30)))
                    .anyMatch(r -> text(r.value()).contains("\"seq\":77,"));
        }
    }

    /**
     * Refused by the TLS handshake, not by anything later: the password is right, so only the missing certificate
     * can be the reason, and the client's error must come from TLS (today: "Received fatal alert: bad_certificate").
     *
     * <p>Seen failing (2026-12-06) with {@code ListenSource} asking for client certificates with
     * {@code ClientAuth.REQUEST} instead of {@code REQUIRED}: the device connected.
     */
    @Test
    void deviceWithoutClientCertificateIsRefused() throws Exception {
        MqttClient device = new MqttClient(url, "no-cert-device", new MemoryPersistence());

        assertThatThrownBy(() -> device.connect(options(false))).isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(causes(e)).as("the failure's causes").anySatisfy(cause ->
                        assertThat(cause).isInstanceOf(SSLHandshakeException.class).hasMessageContaining("certificate")));
    }

    /**
     * A device speaking plain MQTT with valid credentials gets no CONNACK: the port speaks TLS only. Sent over a raw
     * socket, so that the bytes that come back can be read: a TLS alert record or nothing (today: the bridge closes
     * the connection without a byte), never an MQTT packet.
     *
     * <p>Seen failing (2026-12-06) with {@code ListenSource} not calling {@code setSsl(true)}: the plain CONNECT got
     * a CONNACK. (Before, this test connected without a password and passed on the refusal of the missing
     * credentials too.)
     */
    @Test
    void plainTcpIsNotAccepted() throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (Socket socket = new Socket("127.0.0.1", bridge.bridge.mqttPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(plainConnect("plain-device", "tls-dev", "pw"));
            socket.getOutputStream().flush();
            byte[] buffer = new byte[512];
            for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // Still open: what came so far is the answer (a plain MQTT server would have sent its CONNACK).
        }

        assertThat(answer.toByteArray()).as("answer to a plain CONNECT: a TLS alert record (type 21, version 3.x) or nothing")
                .satisfiesAnyOf(bytes -> assertThat(bytes).isEmpty(),
                        bytes -> assertThat(bytes).startsWith(21, 3));
    }

    /** An MQTT 3.1.1 CONNECT with clean session, keep-alive 30 s, user name and password. */
    private static byte[] plainConnect(String clientId, String user, String password) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeUTF("MQTT");
        out.writeByte(4); // protocol level 3.1.1
        out.writeByte(0b1100_0010); // user name, password, clean session
        out.writeShort(30);
        out.writeUTF(clientId);
        out.writeUTF(user);
        out.writeUTF(password);
        byte[] variable = body.toByteArray();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        packet.write(variable.length); // under 128: one length byte
        packet.write(variable);
        return packet.toByteArray();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
