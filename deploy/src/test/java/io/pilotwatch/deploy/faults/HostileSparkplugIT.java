package io.pilotwatch.deploy.faults;

import static io.pilotwatch.deploy.faults.SparkplugBytes.dataSet;
import static io.pilotwatch.deploy.faults.SparkplugBytes.dbirth;
import static io.pilotwatch.deploy.faults.SparkplugBytes.dbirthBuilder;
import static io.pilotwatch.deploy.faults.SparkplugBytes.ddata;
import static io.pilotwatch.deploy.faults.SparkplugBytes.ddeath;
import static io.pilotwatch.deploy.faults.SparkplugBytes.metric;
import static io.pilotwatch.deploy.faults.SparkplugBytes.nbirth;
import static io.pilotwatch.deploy.faults.SparkplugBytes.ndata;
import static io.pilotwatch.deploy.faults.SparkplugBytes.ndeath;
import static io.pilotwatch.deploy.faults.SparkplugBytes.nestedTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.RealBrokers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sparkplug hostile corpus against the real bridge (listen mode, Sparkplug on) and analytics, each a child JVM.
 * Every edge node of a case is new, so cases do not share sessions. Each case's outcome is read from the bridge's
 * counters when the PUBACK arrives (they move before it is sent): the DLQ reason counted, or none, and how many
 * telemetry events were forwarded, derived by hand from {@code SparkplugHost} (comments say why). After each case the
 * witness device still flows; after each group the analytics has counted it. Seen failing: a mutation whose DBIRTH
 * time became 2029 was valid to the bridge, and the analytics' DLQ write of it (carrying that time) was refused by
 * Kafka and stopped Kafka Streams; every group after it failed on the witness count (fixed in EventTimeExtractor).
 */
@RealBrokers
class HostileSparkplugIT {

    private static final String GROUP = "spBv1.0/sp/";
    private static final long NOW = System.currentTimeMillis();
    /** The mutated payloads' time: fixed, so that the seed gives the same bytes, and the same outcomes, every run. */
    private static final long MUTATION_TIME = 1_767_225_600_000L;
    /** Before 1970 (Tahu reads the uint64 as a signed long: -1 ms) and far past 2109 (the event ids' end). */
    private static final long[] BAD_TIMES = {-1L, 1L << 60};
    /** Sparkplug's seq is 0 to 255; 2^64-1 is -1 once read. */
    private static final long[] BAD_SEQS = {256L, -1L};
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    private static HostileRig rig;
    private static MqttClient device;
    private static int nodes;

    @BeforeAll
    static void start(KafkaBroker kafka) throws Exception {
        rig = HostileRig.start(kafka, "hostile-sparkplug", dir, HostileRig.extra("sparkplug.enabled", "true",
                "sparkplug.mapping.file", Path.of("..", "docs", "sparkplug-mapping.example.yaml").toAbsolutePath().toString()));
        device = rig.connect("dev", "hostile-sparkplug-device");
    }

    @AfterAll
    static void stop() throws Exception {
        if (device != null) {
            device.disconnect();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void outOfRangeTimestampsInEveryMessageType() throws Exception {
        for (long ts : BAD_TIMES) {
            String about = "timestamp " + ts;
            // A node's own metrics are not telemetry (no nodeStation in the mapping): nothing to date, nothing out.
            expect(about + " NBIRTH", "NBIRTH/" + newNode(), nbirth(ts, 0L, 1), null, 0);
            String node = born();
            expect(about + " NDATA", "NDATA/" + node, ndata(ts, 1L), null, 0);
            // NDEATH ends the session; its off events carry the time of receipt, not the payload's.
            expect(about + " NDEATH", "NDEATH/" + born(), ndeath(ts, null, 1), null, 1);
            String half = newNode();
            expect("setup NBIRTH", "NBIRTH/" + half, nbirth(NOW, 0L, 1), null, 0);
            expect(about + " DBIRTH", "DBIRTH/" + half + "/eol", dbirth(ts, 1L), "sparkplug_bad_metric", 0);
            expect(about + " DDATA", "DDATA/" + born() + "/eol", ddata(ts, 2L), "sparkplug_bad_metric", 0);
            expect(about + " DDEATH", "DDEATH/" + born() + "/eol", ddeath(ts, 2L), "sparkplug_out_of_range", 0);
            expectState(about + " STATE", ndata(ts, 0L));
        }
        rig.analyticsCountsEveryWitnessMessage("out-of-range timestamps");
    }

    @Test
    void outOfRangeSeqInEveryMessageType() throws Exception {
        for (long seq : BAD_SEQS) {
            String about = "seq " + Long.toUnsignedString(seq);
            expect(about + " NBIRTH", "NBIRTH/" + newNode(), nbirth(NOW, seq, 1), "sparkplug_out_of_range", 0);
            expect(about + " NDATA", "NDATA/" + born(), ndata(NOW, seq), "sparkplug_out_of_range", 0);
            // NDEATH carries no seq in the specification: the host does not read it.
            expect(about + " NDEATH", "NDEATH/" + born(), ndeath(NOW, seq, 1), null, 1);
            String half = newNode();
            expect("setup NBIRTH", "NBIRTH/" + half, nbirth(NOW, 0L, 1), null, 0);
            expect(about + " DBIRTH", "DBIRTH/" + half + "/eol", dbirth(NOW, seq), "sparkplug_out_of_range", 0);
            expect(about + " DDATA", "DDATA/" + born() + "/eol", ddata(NOW, seq), "sparkplug_out_of_range", 0);
            expect(about + " DDEATH", "DDEATH/" + born() + "/eol", ddeath(NOW, seq), "sparkplug_out_of_range", 0);
            expectState(about + " STATE", ndata(NOW, seq));
        }
        rig.analyticsCountsEveryWitnessMessage("out-of-range seq");
    }

    @Test
    void hugeMetricCountsNestedTemplatesAndDataSets() throws Exception {
        // 2,500 vendor metrics (about 50 KiB) besides the mapped ones: the profile and the state, nothing else.
        Payload.Builder wide = dbirthBuilder(NOW, 1L);
        for (int i = 0; i < 2_500; i++) {
            wide.addMetrics(metric("Vendor/M" + i, 100 + i, SparkplugBytes.INT32).setIntValue(i));
        }
        String node = newNode();
        expect("setup NBIRTH", "NBIRTH/" + node, nbirth(NOW, 0L, 1), null, 0);
        expect("DBIRTH with 2,505 metrics", "DBIRTH/" + node + "/eol", wide.build().toByteArray(), null, 2);
        Payload.Builder wideData = SparkplugBytes.payload(NOW, 2L)
                .addMetrics(metric(null, SparkplugBytes.STATE_ALIAS, SparkplugBytes.INT32).setIntValue(4));
        for (int i = 0; i < 2_500; i++) {
            wideData.addMetrics(metric(null, 100 + i, SparkplugBytes.INT32).setIntValue(-i));
        }
        expect("DDATA with 2,501 metrics", "DDATA/" + node + "/eol", wideData.build().toByteArray(), null, 1);
        // Over the 64 KiB payload limit: refused before decoding.
        Payload.Builder huge = dbirthBuilder(NOW, 1L);
        for (int i = 0; i < 20_000; i++) {
            huge.addMetrics(metric("Vendor/M" + i, 100 + i, SparkplugBytes.INT32).setIntValue(i));
        }
        String hugeNode = newNode();
        expect("setup NBIRTH", "NBIRTH/" + hugeNode, nbirth(NOW, 0L, 1), null, 0);
        expect("DBIRTH with 20,005 metrics", "DBIRTH/" + hugeNode + "/eol", huge.build().toByteArray(), "too_large", 0);
        // Templates nested 20 deep and a 200 x 8 data set: vendor metrics, decoded and left alone.
        String nested = newNode();
        expect("setup NBIRTH", "NBIRTH/" + nested, nbirth(NOW, 0L, 1), null, 0);
        expect("DBIRTH with a template 20 deep and a data set", "DBIRTH/" + nested + "/eol", dbirthBuilder(NOW, 1L)
                .addMetrics(nestedTemplate("Vendor/Recipe", 50, 20)).addMetrics(dataSet("Vendor/Table", 51, 200, 8))
                .build().toByteArray(), null, 2);
        // 150 deep passes protobuf's recursion limit (100): not decodable, whatever the message type.
        String deep = newNode();
        expect("setup NBIRTH", "NBIRTH/" + deep, nbirth(NOW, 0L, 1), null, 0);
        expect("DBIRTH with a template 150 deep", "DBIRTH/" + deep + "/eol", dbirthBuilder(NOW, 1L)
                .addMetrics(nestedTemplate("Vendor/Recipe", 50, 150)).build().toByteArray(), "sparkplug_undecodable", 0);
        expect("DDATA with a template 150 deep", "DDATA/" + born() + "/eol", SparkplugBytes.payload(NOW, 2L)
                .addMetrics(nestedTemplate("Vendor/Recipe", 50, 150)).build().toByteArray(), "sparkplug_undecodable", 0);
        rig.analyticsCountsEveryWitnessMessage("huge metric counts, templates and data sets");
    }

    @Test
    void deathAndStateStorms() throws Exception {
        int storm = 300;
        String node = born();
        Map<String, Double> rejected = rejectedByReason();
        double forwarded = rig.bridgeMetric("ingest_messages_forwarded_total");
        double stale = rig.bridgeMetric("ingest_sparkplug_stale_deaths_total");
        double states = rig.bridgeMetric("ingest_sparkplug_messages_total", "type=\"STATE\"");
        for (int i = 0; i < storm; i++) {
            // Devices that were never born; nodes that were never born; another host's births and deaths.
            device.publish(GROUP + "DDEATH/" + node + "/ghost" + i, ddeath(NOW, (long) (i % 256)), 1, false);
            device.publish(GROUP + "NDEATH/" + newNode(), ndeath(NOW, null, 1), 1, false);
            device.publish("spBv1.0/STATE/host-" + i, ("{\"online\":" + (i % 2 == 0) + ",\"timestamp\":" + NOW + "}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false);
        }
        Map<String, Double> moved = delta(rejected, rejectedByReason());
        assertThat(moved).as("DLQ reasons after the storms").isEqualTo(Map.of("sparkplug_no_birth", (double) storm));
        assertThat(rig.bridgeMetric("ingest_messages_forwarded_total")).as("events forwarded").isEqualTo(forwarded);
        assertThat(rig.bridgeMetric("ingest_sparkplug_stale_deaths_total") - stale).as("stale NDEATHs").isEqualTo(storm);
        assertThat(rig.bridgeMetric("ingest_sparkplug_messages_total", "type=\"STATE\"") - states).as("STATE messages")
                .isEqualTo(storm);
        // The node whose devices were ghosts is still alive: its own device's data still counts.
        expect("DDATA after the storm", "DDATA/" + node + "/eol", ddata(NOW, 3L), null, 1);
        rig.analyticsCountsEveryWitnessMessage("DDEATH, NDEATH and STATE storms");
    }

    /**
     * Seeded bit flips and truncations of valid NBIRTH, DBIRTH and DDATA. What a mutation decodes to cannot be
     * written down in advance; what can: each is answered, at most one DLQ record, of a Sparkplug reason, at most
     * the events of its unmutated original, and the bridge goes on.
     */
    @Test
    void mutatedProtobuf() throws Exception {
        Random random = new Random(20_261_206L);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < 90; i++) {
            String type = switch (i % 3) {
                case 0 -> "NBIRTH";
                case 1 -> "DBIRTH";
                default -> "DDATA";
            };
            String node = newNode();
            byte[] original;
            String topic;
            if (type.equals("NBIRTH")) {
                original = nbirth(MUTATION_TIME, 0L, 1);
                topic = "NBIRTH/" + node;
            } else {
                expect("setup NBIRTH", "NBIRTH/" + node, nbirth(NOW, 0L, 1), null, 0);
                if (type.equals("DBIRTH")) {
                    original = dbirth(MUTATION_TIME, 1L);
                } else {
                    expect("setup DBIRTH", "DBIRTH/" + node + "/eol", dbirth(NOW, 1L), null, 2);
                    original = ddata(MUTATION_TIME, 2L);
                }
                topic = type + "/" + node + "/eol";
            }
            byte[] mutated = mutate(original, random);
            Map<String, Double> rejected = rejectedByReason();
            double forwarded = rig.bridgeMetric("ingest_messages_forwarded_total");
            device.publish(GROUP + topic, mutated, 1, false);
            Map<String, Double> moved = delta(rejected, rejectedByReason());
            double events = rig.bridgeMetric("ingest_messages_forwarded_total") - forwarded;
            String name = "mutation " + i + " of " + type;
            assertThat(moved.values().stream().mapToDouble(Double::doubleValue).sum()).as(name + ": DLQ records")
                    .isLessThanOrEqualTo(1);
            assertThat(moved.keySet()).as(name + ": DLQ reason").allMatch(reason -> reason.startsWith("sparkplug_"));
            assertThat(events).as(name + ": events").isBetween(0.0, type.equals("DBIRTH") ? 2.0 : 1.0);
            outcomes.merge(moved.isEmpty() ? "accepted" : moved.keySet().iterator().next(), 1, Integer::sum);
            rig.witnessStillFlows(name);
        }
        System.out.println("HostileSparkplugIT mutation outcomes: " + outcomes);
        assertThat(outcomes.keySet()).as("some mutations rejected").anyMatch(k -> k.startsWith("sparkplug_"));
        rig.analyticsCountsEveryWitnessMessage("mutated protobuf");
    }

    /** 1 to 4 bit flips, or a cut at a random length. */
    private static byte[] mutate(byte[] original, Random random) {
        if (random.nextInt(4) == 0) {
            return java.util.Arrays.copyOf(original, random.nextInt(original.length));
        }
        byte[] mutated = original.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
            int bit = random.nextInt(mutated.length * 8);
            mutated[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return mutated;
    }

    private static String newNode() {
        return "n" + (++nodes);
    }

    /** A new edge node with its device born: NBIRTH (nothing out) and DBIRTH (profile and state). */
    private static String born() throws Exception {
        String node = newNode();
        expect("setup NBIRTH", "NBIRTH/" + node, nbirth(NOW, 0L, 1), null, 0);
        expect("setup DBIRTH", "DBIRTH/" + node + "/eol", dbirth(NOW, 1L), null, 2);
        return node;
    }

    private static void expectState(String name, byte[] payload) throws Exception {
        double states = rig.bridgeMetric("ingest_sparkplug_messages_total", "type=\"STATE\"");
        expectOn(name, "spBv1.0/STATE/host-" + nodes, payload, null, 0);
        assertThat(rig.bridgeMetric("ingest_sparkplug_messages_total", "type=\"STATE\"") - states)
                .as(name + ": counted as STATE").isEqualTo(1);
    }

    private static void expect(String name, String topic, byte[] payload, String reason, int events) throws Exception {
        expectOn(name, GROUP + topic, payload, reason, events);
    }

    /** Publishes, and when the PUBACK is back: the DLQ reason counted ({@code null}: none) and the events forwarded. */
    private static void expectOn(String name, String topic, byte[] payload, String reason, int events) throws Exception {
        Map<String, Double> rejected = rejectedByReason();
        double forwarded = rig.bridgeMetric("ingest_messages_forwarded_total");
        device.publish(topic, payload, 1, false);
        assertThat(delta(rejected, rejectedByReason())).as(name + ": DLQ reason")
                .isEqualTo(reason == null ? Map.of() : Map.of(reason, 1.0));
        assertThat(rig.bridgeMetric("ingest_messages_forwarded_total") - forwarded).as(name + ": events forwarded")
                .isEqualTo(events);
        if (!name.startsWith("setup")) {
            rig.witnessStillFlows(name);
        }
    }

    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> moved = new TreeMap<>();
        after.forEach((reason, value) -> {
            double d = value - before.getOrDefault(reason, 0.0);
            if (d != 0) {
                moved.put(reason, d);
            }
        });
        return moved;
    }

    private static Map<String, Double> rejectedByReason() throws IOException, InterruptedException {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.bridge.httpPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = Pattern.compile("(?m)^ingest_messages_rejected_total\\{[^}]*reason=\"([^\"]*)\"[^}]*} (\\S+)$")
                .matcher(text);
        Map<String, Double> byReason = new HashMap<>();
        while (matcher.find()) {
            byReason.merge(matcher.group(1), Double.parseDouble(matcher.group(2)), Double::sum);
        }
        return byReason;
    }
}
