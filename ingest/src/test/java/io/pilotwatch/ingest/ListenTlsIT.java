package io.pilotwatch.ingest;

import static io.pilotwatch.ingest.KafkaTopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.ingest.mqtt.Credentials;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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

    @Test
    void deviceWithoutClientCertificateIsRefused() throws Exception {
        MqttClient device = new MqttClient(url, "no-cert-device", new MemoryPersistence());

        assertThatThrownBy(() -> device.connect(options(false))).isInstanceOf(MqttException.class);
    }

    @Test
    void plainTcpIsNotAccepted() throws Exception {
        MqttClient device = new MqttClient(url.replace("ssl://", "tcp://"), "plain-device", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setConnectionTimeout(5);

        assertThatThrownBy(() -> device.connect(options)).isInstanceOf(MqttException.class);
    }
}
