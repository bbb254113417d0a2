package io.pilotwatch.ingest;

import static io.pilotwatch.ingest.KafkaTopicReader.header;
import static io.pilotwatch.ingest.KafkaTopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.pilotwatch.testkit.ServiceProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Flow control in listen mode is backpressure, not refusal (issue 16, item 3). Two fast devices publish 20,000 QoS 1
 * messages each into a bridge (a child JVM, per-client limit 100) that is SIGKILLed and restarted on the way: a Paho
 * MQTT 3.1.1 device with a window of 1,000 and a persistent session, and a Paho MQTT 5 device that sets no Receive
 * Maximum of its own. Every message must be acknowledged and in Kafka (duplicates allowed, loss not), no PUBACK may
 * carry an error, and each device may lose its connection only to the kill.
 *
 * <p>Seen failing with the code before the fix (ListenSource of commit 00292a1): the devices never even reached
 * 4,000 acknowledged messages each within 2 minutes, the 3.1.1 device being disconnected whenever it had more than
 * 100 in flight, and the MQTT 5 device getting PUBACK 0x97 (quota exceeded), final for MQTT 5, for valid messages.
 * About 40 s here with the fix, both bridge starts included.
 */
@RealBrokers
class ListenBackpressureIT {

    private static final int MESSAGES = 20_000;
    private static final String TOPIC = "backpressure-telemetry";
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+),");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void fastDevicesAreSlowedDownNeverRefusedAndLoseNothingAcrossABridgeKill(KafkaBroker kafka) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "KAFKA_TOPIC_TELEMETRY", TOPIC, "KAFKA_TOPIC_DLQ", "backpressure-dlq", "INGEST_MODE", "listen",
                "INGEST_LISTEN_HOST", "127.0.0.1", "INGEST_LISTEN_PORT", Integer.toString(port),
                "INGEST_LISTEN_ANONYMOUS", "true");
        String url = "tcp://127.0.0.1:" + port;
        long started = System.nanoTime();
        ServiceProcess first = ServiceProcess.start(Application.class, environment, "256m", SubscribeModeIT.logDir());
        try {
            first.awaitReady(Duration.ofSeconds(180));
            publishAcrossAKill(kafka, url, first, environment, started);
        } finally {
            first.kill();
        }
    }

    private static void publishAcrossAKill(KafkaBroker kafka, String url, ServiceProcess first,
                                           Map<String, String> environment, long started) throws Exception {
        ServiceProcess second = null;
        try (FastDevice.V3 v3 = new FastDevice.V3(url, "device-v311", MESSAGES, 1_000);
             FastDevice.V5 v5 = new FastDevice.V5(url, "device-v5", MESSAGES)) {
            v3.start();
            v5.start();
            // Kill with both devices in full flow: thousands acknowledged, the rest in flight or still to come.
            await().atMost(Duration.ofMinutes(2)).until(() -> v3.acknowledged() >= 4_000 && v5.acknowledged() >= 4_000);
            first.kill();
            assertThat(v3.acknowledged()).as("the kill landed mid-stream").isLessThan(MESSAGES);
            second = ServiceProcess.start(Application.class, environment, "256m", SubscribeModeIT.logDir());
            second.awaitReady(Duration.ofSeconds(180));

            await().atMost(Duration.ofMinutes(3)).until(() -> v3.acknowledged() == MESSAGES && v5.acknowledged() == MESSAGES);
            assertThat(v3.failures()).as("error acknowledgements, MQTT 3.1.1 device").isZero();
            assertThat(v5.failures()).as("error PUBACKs (e.g. 0x97), MQTT 5 device").isZero();
            assertThat(v3.connectionsLost()).as("disconnects of the 3.1.1 device: only the kill").isEqualTo(1);
            assertThat(v5.connectionsLost()).as("disconnects of the MQTT 5 device: only the kill").isEqualTo(1);
            assertThat(v5.receiveMaximum()).as("CONNACK announces Receive Maximum = the per-client limit").isEqualTo(100);
            assertEveryMessageInKafka(kafka);
            assertThat(scrape(second, "ingest_messages_refused_total")).as("nothing refused").isZero();
            assertThat(scrape(second, "ingest_listen_pauses_total")).as("backpressure was applied").isPositive();
            System.out.printf("ListenBackpressureIT: 2 x %d messages across a kill in %.1f s%n", MESSAGES,
                    (System.nanoTime() - started) / 1e9);
        } finally {
            if (second != null) {
                second.kill();
            }
        }
    }

    private static void assertEveryMessageInKafka(KafkaBroker kafka) {
        Map<String, Set<Integer>> seqsByClient = Map.of("device-v311", new HashSet<>(), "device-v5", new HashSet<>());
        int[] read = {0};
        try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), TOPIC)) {
            telemetry.awaitUntil(records -> {
                for (; read[0] < records.size(); read[0]++) {
                    ConsumerRecord<byte[], byte[]> record = records.get(read[0]);
                    Matcher seq = SEQ.matcher(text(record.value()));
                    if (seq.find()) {
                        seqsByClient.get(header(record, Headers.MQTT_CLIENT)).add(Integer.parseInt(seq.group(1)));
                    }
                }
                return seqsByClient.values().stream().allMatch(seqs -> seqs.size() == MESSAGES);
            }, Duration.ofMinutes(2));
        }
        seqsByClient.forEach((client, seqs) -> assertThat(seqs).as("distinct messages of " + client + " in Kafka")
                .hasSize(MESSAGES));
    }

    static double scrape(ServiceProcess bridge, String name) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.httpPort() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
