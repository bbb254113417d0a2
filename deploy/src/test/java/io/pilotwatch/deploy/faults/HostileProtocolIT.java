package io.pilotwatch.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT protocol hostile corpus against the real bridge (listen mode) and analytics, each a child JVM, with
 * small limits: CONNECT within 2 s, 5 s of idle at most, 5 messages in flight per client. Each case asserts its
 * outcome (closed, refused with a counted reason, or slowed and delivered in full) and then that the witness still
 * flows and the analytics still counts. The CONNECT floods come last: they spend the address's login rate.
 */
@RealBrokers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileProtocolIT {

    private static final int WINDOW = 5;
    @TempDir
    static Path dir;
    private static HostileRig rig;

    @BeforeAll
    static void start(KafkaBroker kafka) throws Exception {
        rig = HostileRig.start(kafka, "hostile-protocol", dir, HostileRig.extra(
                "ingest.listen.connect.timeout.seconds", "2", "ingest.listen.max.idle.seconds", "5",
                "ingest.listen.max.inflight.per.client", Integer.toString(WINDOW)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    /**
     * The bridge keeps no session state, so a second CONNECT with the same client id does not take the first over:
     * both stay connected and both are answered, each message once.
     */
    @Test
    @Order(1)
    void duplicateClientIdsAreBothServed() throws Exception {
        MqttClient first = rig.connect("dev", "same-id");
        MqttClient second = rig.connect("dev2", "same-id");
        double forwarded = rig.bridgeMetric("ingest_messages_forwarded_total");
        first.publish("factory/v1/hz-gearbox/l1/dup-a/state", state(1), 1, false);
        second.publish("factory/v1/hz-gearbox/l1/dup-b/state", state(1), 1, false);
        assertThat(rig.bridgeMetric("ingest_messages_forwarded_total") - forwarded).as("both forwarded").isEqualTo(2);
        assertThat(first.isConnected() && second.isConnected()).as("both still connected").isTrue();
        first.disconnect();
        second.disconnect();
        rig.witnessStillFlows("duplicate client ids");
        rig.analyticsCountsEveryWitnessMessage("duplicate client ids");
    }

    /**
     * An MQTT 5 client that sends 60 QoS 1 messages at once against a Receive Maximum of 5: the bridge stops reading
     * its socket at 5 in flight (backpressure, not a 0x93 disconnect), and every message gets a success PUBACK.
     */
    @Test
    @Order(2)
    void receiveMaximumOverrunIsSlowedDownNotRefused() throws Exception {
        int messages = 60;
        double pauses = rig.bridgeMetric("ingest_listen_pauses_total");
        double forwarded = rig.bridgeMetric("ingest_messages_forwarded_total");
        try (Socket socket = new Socket("127.0.0.1", rig.mqttPort)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(RawMqtt.connect(5, "overrun", "dev", HostileRig.PASSWORD));
            RawMqtt.Packet connack = RawMqtt.read(in);
            assertThat(connack.packetType()).as("CONNACK").isEqualTo(2);
            assertThat(connack.body()[1]).as("CONNACK reason").isZero();
            for (int id = 1; id <= messages; id++) {
                out.write(RawMqtt.publishQos1(5, "factory/v1/hz-gearbox/l1/overrun/state", id, state(id)));
            }
            out.flush();
            Set<Integer> acked = new HashSet<>();
            for (int i = 0; i < messages; i++) {
                RawMqtt.Packet ack = RawMqtt.read(in);
                assertThat(ack.packetType()).as("PUBACK").isEqualTo(4);
                assertThat(ack.pubAckReason()).as("PUBACK reason of " + ack.packetId()).isZero();
                acked.add(ack.packetId());
            }
            assertThat(acked).as("packet ids acknowledged").hasSize(messages);
        }
        assertThat(rig.bridgeMetric("ingest_messages_forwarded_total") - forwarded).as("forwarded").isEqualTo(messages);
        assertThat(rig.bridgeMetric("ingest_listen_pauses_total")).as("socket paused at the window").isGreaterThan(pauses);
        rig.witnessStillFlows("a Receive Maximum overrun");
        rig.analyticsCountsEveryWitnessMessage("a Receive Maximum overrun");
    }

    /** 3,000 QoS 0 messages as fast as Paho sends them: none dropped, all forwarded, the witness unharmed. */
    @Test
    @Order(3)
    void qos0FloodIsSlowedDownAndLosesNothing() throws Exception {
        int messages = 3_000;
        double forwarded = rig.bridgeMetric("ingest_messages_forwarded_total");
        double dropped = rig.bridgeMetric("ingest_messages_dropped_total");
        double received = rig.bridgeMetric("ingest_messages_received_total");
        // Keep-alive 60 s: slowed down, the flooder gets its PINGRESP late (with 2 s, Paho gave up after ~800).
        MqttClient flooder = rig.connect("dev", "qos0-flood", 60);
        for (int seq = 1; seq <= messages; seq++) {
            flooder.publish("factory/v1/hz-gearbox/l1/flood/state", state(seq), 0, false);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                rig.bridgeMetric("ingest_messages_forwarded_total") - forwarded).as("forwarded; received "
                + (rig.bridgeMetric("ingest_messages_received_total") - received) + ", dropped "
                + rig.bridgeMetric("ingest_messages_dropped_total") + ", connected " + flooder.isConnected())
                .isGreaterThanOrEqualTo(messages));
        flooder.disconnectForcibly(1_000); // may already be closed by the 5 s idle limit: nothing left to say
        flooder.close();
        assertThat(rig.bridgeMetric("ingest_messages_forwarded_total") - forwarded).as("forwarded").isEqualTo(messages);
        assertThat(rig.bridgeMetric("ingest_messages_dropped_total")).as("dropped").isEqualTo(dropped);
        rig.witnessStillFlows("a QoS 0 flood");
        rig.analyticsCountsEveryWitnessMessage("a QoS 0 flood");
    }

    /** A socket that sends nothing, and one that trickles a CONNECT a byte every 200 ms: both closed at 2 s. */
    @Test
    @Order(4)
    void slowConnectsAreClosedAtTheDeadline() throws Exception {
        double timeouts = rig.bridgeMetric("ingest_connections_timeouts_total", "reason=\"connect\"");
        try (Socket silent = new Socket("127.0.0.1", rig.mqttPort);
             Socket trickling = new Socket("127.0.0.1", rig.mqttPort)) {
            Thread trickle = new Thread(() -> {
                try {
                    OutputStream out = trickling.getOutputStream();
                    for (byte b : RawMqtt.connect(4, "trickle", "dev", HostileRig.PASSWORD)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (java.io.IOException | InterruptedException closed) {
                    // closed by the bridge, as expected
                }
            });
            trickle.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> RawMqtt.closedByPeer(silent) && RawMqtt.closedByPeer(trickling));
            trickle.interrupt();
        }
        assertThat(rig.bridgeMetric("ingest_connections_timeouts_total", "reason=\"connect\"") - timeouts)
                .as("CONNECT timeouts").isEqualTo(2);
        rig.witnessStillFlows("slow CONNECTs");
        rig.analyticsCountsEveryWitnessMessage("slow CONNECTs");
    }

    /** Keep-alive 0 would disable the idle timeout; the bridge's maximum idle time (5 s here) closes it anyway. */
    @Test
    @Order(5)
    void keepAliveZeroIsClosedAfterTheMaximumIdleTime() throws Exception {
        double idle = rig.bridgeMetric("ingest_connections_timeouts_total", "reason=\"idle\"");
        MqttClient silent = new MqttClient(rig.url(), "keepalive-0", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("dev");
        options.setPassword(HostileRig.PASSWORD.toCharArray());
        options.setKeepAliveInterval(0);
        silent.connect(options);
        await().atMost(Duration.ofSeconds(30)).until(() -> !silent.isConnected());
        silent.close();
        assertThat(rig.bridgeMetric("ingest_connections_timeouts_total", "reason=\"idle\"") - idle)
                .as("idle timeouts").isEqualTo(1);
        // The witness pings every 2 s, so it is not idle; it stays connected.
        rig.witnessStillFlows("keep-alive 0");
        rig.analyticsCountsEveryWitnessMessage("keep-alive 0");
    }

    /**
     * 60 CONNECTs at once with a known user and the right password, then 60 with an unknown user: every one answered
     * (CONNACK accepted or refused, none left hanging), each refusal counted with its reason, no unknown user let in.
     */
    @Test
    @Order(6)
    void connectFloodsOfKnownAndUnknownUsersAreAllAnswered() throws Exception {
        int flood = 60;
        for (String user : List.of("dev2", "nobody")) {
            double refused = rig.bridgeMetric("ingest_connections_refused_total");
            List<MqttAsyncClient> clients = new ArrayList<>();
            List<IMqttToken> attempts = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                MqttAsyncClient client = new MqttAsyncClient(rig.url(), user + "-flood-" + i, new MemoryPersistence());
                MqttConnectOptions options = new MqttConnectOptions();
                options.setUserName(user);
                options.setPassword(HostileRig.PASSWORD.toCharArray());
                options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
                options.setConnectionTimeout(60);
                clients.add(client);
                attempts.add(client.connect(options));
            }
            int accepted = 0;
            for (IMqttToken attempt : attempts) {
                try {
                    attempt.waitForCompletion(90_000);
                    accepted++;
                } catch (MqttException refusedOrClosed) {
                    assertThat(refusedOrClosed.getReasonCode()).as(user + ": refused with a CONNACK code, not a timeout")
                            .isNotEqualTo(MqttException.REASON_CODE_CLIENT_TIMEOUT);
                }
            }
            double refusals = rig.bridgeMetric("ingest_connections_refused_total") - refused;
            System.out.println("HostileProtocolIT CONNECT flood of " + user + ": " + accepted + " accepted, "
                    + (long) refusals + " refused");
            assertThat(accepted + refusals).as(user + ": accepted + refused").isEqualTo(flood);
            if (user.equals("nobody")) {
                assertThat(accepted).as("unknown user let in").isZero();
            } else {
                assertThat(accepted).as("known user: some get in").isPositive();
            }
            for (MqttAsyncClient client : clients) {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(10_000);
                }
                client.close();
            }
            rig.witnessStillFlows("a CONNECT flood of " + user);
        }
        rig.analyticsCountsEveryWitnessMessage("CONNECT floods");
    }

    private static byte[] state(int seq) {
        return ("{\"seq\":" + seq + ",\"ts\":" + System.currentTimeMillis() + ",\"state\":\"idle\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
