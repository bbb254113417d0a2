package io.pilotwatch.ingest;

import static io.pilotwatch.ingest.KafkaTopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.ingest.mqtt.Credentials;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.pilotwatch.testkit.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes and malformed MQTT frames sent over raw sockets to the listen port of a bridge running as a child
 * JVM with a small heap: it does not crash, closes or releases every connection, its heap after a full GC does
 * not grow from round to round, and a well-behaved device still publishes afterwards. The seed is fixed, so a
 * failure can be replayed.
 */
@RealBrokers
class ListenFuzzIT {

    private static final long SEED = 20_251_128L;
    private static final int ROUNDS = 5;
    private static final int CONNECTIONS_PER_ROUND = 120;
    /** Growth of the heap after GC allowed from the first round to the last: about 17 KiB per fuzz connection. */
    private static final long HEAP_GROWTH_LIMIT = 8L * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void randomBytesAndMalformedFramesNeitherCrashNorLeak(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "gw * " + Credentials.hash("pw".getBytes(StandardCharsets.UTF_8)) + "\n");
        int port = freePort();
        ServiceProcess bridge = ServiceProcess.start(Application.class, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "KAFKA_TOPIC_TELEMETRY", "fuzz-telemetry",
                "KAFKA_TOPIC_DLQ", "fuzz-dlq", "INGEST_MODE", "listen", "INGEST_LISTEN_HOST", "127.0.0.1",
                "INGEST_LISTEN_PORT", Integer.toString(port), "INGEST_LISTEN_CREDENTIALS_FILE", credentials.toString()),
                "128m", SubscribeModeIT.logDir());
        try {
            bridge.awaitReady(Duration.ofSeconds(180));
            Random random = new Random(SEED);
            List<Long> heapAfterGc = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    List<Future<?>> sent = new ArrayList<>();
                    for (int i = 0; i < CONNECTIONS_PER_ROUND; i++) {
                        byte[] frame = hostileFrame(random);
                        sent.add(pool.submit(() -> sendAndClose(port, frame)));
                    }
                    for (Future<?> future : sent) {
                        future.get(60, TimeUnit.SECONDS);
                    }
                    assertThat(bridge.isAlive()).as("bridge alive after round " + round).isTrue();
                    await().atMost(Duration.ofSeconds(60)).until(() -> metric(bridge, "vertx_net_server_active_connections") == 0);
                    heapAfterGc.add(heapAfterFullGc(bridge));
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.println("ListenFuzzIT heap after full GC by round (bytes): " + heapAfterGc);
            assertThat(heapAfterGc.get(heapAfterGc.size() - 1)).as("heap after GC by round: " + heapAfterGc)
                    .isLessThan(heapAfterGc.get(0) + HEAP_GROWTH_LIMIT);
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.httpPort()
                    + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            wellBehavedDeviceStillPublishes(kafka, port);
        } finally {
            bridge.kill();
        }
    }

    private static void wellBehavedDeviceStillPublishes(KafkaBroker kafka, int port) throws Exception {
        MqttClient device = new MqttClient("tcp://127.0.0.1:" + port, "after-fuzz", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("gw");
        options.setPassword("pw".toCharArray());
        device.connect(options);
        device.publish("factory/v1/p1/l1/s1/state", "{\"seq\":4242,\"ts\":0,\"state\":\"idle\"}"
                .getBytes(StandardCharsets.UTF_8), 1, false);
        device.disconnect();
        try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "fuzz-telemetry")) {
            assertThat(telemetry.awaitAtLeast(1, Duration.ofSeconds(60)))
                    .anyMatch(r -> text(r.value()).contains("\"seq\":4242,"));
        }
    }

    /** One connection's worth of hostile bytes: random noise or a deliberately broken MQTT frame. */
    static byte[] hostileFrame(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(9)) {
            case 0 -> out.writeBytes(randomBytes(random, 1 + random.nextInt(4096)));
            // CONNECT type byte, then random remaining length and body.
            case 1 -> {
                out.write(0x10);
                out.writeBytes(randomBytes(random, 1 + random.nextInt(512)));
            }
            // A remaining length of five continuation bytes: malformed by the spec (at most four).
            case 2 -> out.writeBytes(new byte[] {0x10, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
            // The largest remaining length MQTT allows (256 MiB) announced, a few bytes sent: must not be allocated.
            case 3 -> {
                out.writeBytes(new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
                out.writeBytes(randomBytes(random, 64));
            }
            // CONNECT with an unknown protocol name, or an unknown protocol level.
            case 4 -> out.writeBytes(connect("MQTX", 4, null, null));
            case 5 -> out.writeBytes(connect("MQTT", 9, null, null));
            // PUBLISH or SUBSCRIBE before any CONNECT.
            case 6 -> out.writeBytes(new byte[] {0x32, 0x0A, 0x00, 0x03, 'a', '/', 'b', 0x00, 0x01, '{', '}', 0x00});
            case 7 -> out.writeBytes(new byte[] {(byte) 0x82, 0x06, 0x00, 0x01, 0x00, 0x01, '#', 0x01});
            // An authenticated CONNECT, then a PUBLISH whose topic length overruns the frame, then noise.
            default -> {
                out.writeBytes(connect("MQTT", 4, "gw", "pw"));
                out.writeBytes(new byte[] {0x32, 0x05, 0x7F, (byte) 0xFF, 'x', 0x00, 0x01});
                out.writeBytes(randomBytes(random, random.nextInt(256)));
            }
        }
        return out.toByteArray();
    }

    private static byte[] connect(String protocol, int level, String user, String password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, protocol);
        body.write(level);
        body.write(user == null ? 0x02 : 0xC2); // clean session, plus username and password flags
        body.writeBytes(new byte[] {0x00, 0x3C});
        writeString(body, "fuzz-" + Integer.toHexString(System.identityHashCode(body)));
        if (user != null) {
            writeString(body, user);
            writeString(body, password);
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x10);
        frame.write(body.size()); // under 128 bytes: one length byte
        frame.writeBytes(body.toByteArray());
        return frame.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Sends, gives the bridge a moment to answer or close, and closes: the bridge must release it either way. */
    private static Void sendAndClose(int port, byte[] bytes) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(300);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // Drain whatever the bridge answers (a CONNACK refusal) until it closes or goes quiet.
            }
        } catch (IOException e) {
            // Expected: the bridge closes broken connections, sometimes before everything was written.
        }
        return null;
    }

    private static long heapAfterFullGc(ServiceProcess bridge) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(bridge.pid()), "GC.run").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0).as("jcmd GC.run: " + output).isTrue();
        return (long) metric(bridge, "jvm_memory_used_bytes", "area=\"heap\"");
    }

    /** Sums the samples of a metric on the bridge's /metrics, optionally only those with a label; NaN if absent. */
    static double metric(ServiceProcess bridge, String name, String... labels) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.httpPort() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(text);
        double sum = 0;
        boolean found = false;
        while (matcher.find()) {
            String tags = matcher.group(1) == null ? "" : matcher.group(1);
            if (java.util.Arrays.stream(labels).allMatch(tags::contains)) {
                sum += Double.parseDouble(matcher.group(2));
                found = true;
            }
        }
        return found ? sum : Double.NaN; // NaN fails every comparison: a missing metric proves nothing
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
