package io.pilotwatch.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the ingest bridge against the raw relay on this machine, in one run with the same load generator
 * and payloads (issue 8 points A, B, C, E and F for the bridge, and the scale-out run): A publishers ->
 * Mosquitto -> plain subscriber; B publishers -> Mosquitto -> bridge (subscribe) -> Kafka; C publishers ->
 * bridge (listen) -> Kafka; E0, the reference for E's publish -> Kafka ack, a plain producer at E's rate
 * ({@link ProducerLatency}). The bridge runs as deployed, in its own JVM with a fixed heap. Starts its own
 * Kafka and Mosquitto. Run it with {@code deploy/bench/ingest-benchmark}.
 */
@Command(name = "ingest-benchmark", mixinStandardHelpOptions = true,
        description = "Throughput, latency and memory of the ingest bridge against the raw MQTT relay.")
public final class IngestBenchmark implements Callable<Integer> {

    private static final String TELEMETRY = "factory.telemetry.v1";

    @Option(names = "--duration", description = "Measured seconds per point (default ${DEFAULT-VALUE}).")
    int durationSeconds = 30;
    @Option(names = "--warmup", description = "Warm-up seconds before each point (default ${DEFAULT-VALUE}).")
    int warmupSeconds = 10;
    @Option(names = "--repetitions", description = "Repetitions of each throughput point; medians are reported.")
    int repetitions = 3;
    @Option(names = "--connections", description = "Publishing connections (default ${DEFAULT-VALUE}).")
    int connections = 8;
    @Option(names = "--window", description = "In-flight window per publishing connection.")
    int window = 500;
    @Option(names = "--broker-inflight", description = "Mosquitto max_inflight_messages towards subscribers.")
    int brokerInflight = 1000;
    @Option(names = "--subscribe-connections",
            description = "Bridge connections to Mosquitto in subscribe mode (a shared subscription when > 1).")
    int subscribeConnections = 1;
    @Option(names = "--bridge-heap", description = "The bridge JVM's -Xms and -Xmx: its heap is committed at the "
            + "maximum from the start, as deployed (default ${DEFAULT-VALUE}).")
    String bridgeHeap = "256m";
    @Option(names = "--bridge-java-options", description = "More JVM options of the bridge (its JAVA_TOOL_OPTIONS), "
            + "e.g. the container's direct-memory and metaspace limits (docs/operations.md, \"Memory\").")
    String bridgeJavaOptions = "";
    @Option(names = "--bridge-env", description = "More configuration of every bridge as environment variables, "
            + "e.g. --bridge-env KAFKA_PRODUCER_LINGER_MS=0 to try a lever (E0 keeps the bridge's defaults).")
    Map<String, String> bridgeEnvironment = new java.util.HashMap<>();
    @Option(names = "--scale-out", description = "Subscribe-mode bridges sharing one subscription in the scale-out "
            + "point, 0 to skip (default ${DEFAULT-VALUE}).")
    int scaleOut = 2;
    @Option(names = "--no-pin", description = "Do not pin the generator and the bridge to separate cores (taskset).")
    boolean noPin;
    @Option(names = "--device-connections", description = "Device connections of the device-rate latency points "
            + "(default ${DEFAULT-VALUE}).")
    int deviceConnections = 1_000;
    @Option(names = "--device-rates", split = ",", description = "Total msg/s of the device-rate latency points, "
            + "each next to E0 at the same rate; 0 to skip (default ${DEFAULT-VALUE}).")
    List<Double> deviceRates = new ArrayList<>(List.of(1_000.0, 5_000.0));
    @Option(names = "--memory-connections", split = ",", description = "Listen connections of the memory-per-connection "
            + "points (idle, then 1 msg/s each); 0 to skip (default ${DEFAULT-VALUE}).")
    List<Integer> memoryConnections = new ArrayList<>(List.of(1_000, 10_000));
    @Option(names = "--listen-points-only", description = "Only the pinned, device-rate and memory-per-connection "
            + "listen points (issue 18), with their own JSON.")
    boolean listenPointsOnly;
    @Option(names = "--device-points-only", description = "Only the device-rate listen points, each next to E0 "
            + "(no Cp, Ep or memory): to profile the bridge or try a lever at device rates.")
    boolean devicePointsOnly;
    @Option(names = "--out", description = "JSON results file (default ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "bench", "ingest.json");

    private final Path logDir = Path.of("target", "bench", "logs");
    private int topics;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (KafkaBroker kafka = Brokers.startKafka();
             MqttBroker mosquitto = Brokers.startMosquitto(List.of("max_inflight_messages " + brokerInflight))) {
            kafka.createTopic(TELEMETRY, 3);
            kafka.createTopic("factory.telemetry.dlq.v1", 1);
            if (listenPointsOnly || devicePointsOnly) {
                return listenPointsOnly(kafka, mosquitto);
            }
            List<Point> generator = new ArrayList<>();
            List<Point> relay = new ArrayList<>();
            List<Point> subscribe = new ArrayList<>();
            List<Point> listen = new ArrayList<>();
            for (int i = 1; i <= repetitions; i++) {
                generator.add(progress("A0", i, measureGenerator(mosquitto)));
                relay.add(progress("A", i, measureRelay(mosquitto)));
                subscribe.add(progress("B", i, measureBridge(kafka, mosquitto, "subscribe")));
                listen.add(progress("C", i, measureBridge(kafka, mosquitto, "listen")));
            }
            Point b = Point.median(subscribe);
            Point c = Point.median(listen);
            LatencyPoint halfB = measureLatency(kafka, mosquitto, "subscribe", b.deliveredPerSecond() / 2);
            System.out.printf("E subscribe at %,.0f msg/s: publish->Kafka p99 %.0f ms%n", halfB.targetPerSecond(),
                    halfB.arrivalP99Millis());
            LatencyPoint halfC = measureLatency(kafka, mosquitto, "listen", c.deliveredPerSecond() / 2);
            System.out.printf("E listen at %,.0f msg/s: publish->PUBACK p99 %.1f ms%n", halfC.targetPerSecond(),
                    halfC.publishAckP99Millis());
            ProducerLatency producer = measureProducer(kafka, halfC.targetPerSecond(), null);
            ProducerLatency producerNoLinger = measureProducer(kafka, halfC.targetPerSecond(), 0);
            ListenPoints.Results judged = new ListenPoints(this, kafka, mosquitto, pinning()).measure();
            ScaleOutPoint scaled = scaleOut > 1 ? measureScaleOut(kafka, mosquitto) : null;
            IngestResults results = new IngestResults(Point.median(generator), Point.median(relay), b, c,
                    Point.maxHeap(subscribe), Point.maxRss(subscribe), Point.maxHeap(listen), Point.maxRss(listen),
                    halfB, halfC, producer, producerNoLinger, scaled, judged, this);
            System.out.println(results.markdown());
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, results.json());
            System.out.println("Results written to " + out);
        }
        return 0;
    }

    /** The generator on one core, the bridge and Kafka on the other, unless --no-pin (or taskset cannot). */
    private CpuPinning pinning() {
        return noPin ? CpuPinning.disabled("--no-pin") : CpuPinning.detect();
    }

    private int listenPointsOnly(KafkaBroker kafka, MqttBroker mosquitto) throws Exception {
        ListenPoints.Results judged = new ListenPoints(this, kafka, mosquitto, pinning()).measure();
        System.out.println("Machine: " + Machine.describe() + "." + judged.markdown());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(Map.of("machine", Machine.describe(), "listenJudged", judged.json())) + "\n");
        System.out.println("Results written to " + out);
        return 0;
    }

    private Point progress(String name, int repetition, Point point) {
        System.out.printf("%s, repetition %d/%d: %,.0f msg/s delivered (load average %.1f)%n", name, repetition,
                repetitions, point.deliveredPerSecond(), AnalyticsResults.loadAverage());
        return point;
    }

    /** Publishers -> Mosquitto with nobody subscribed: shows how fast the generator itself can publish. */
    private Point measureGenerator(MqttBroker mosquitto) throws Exception {
        try (LoadGenerator load = new LoadGenerator(mosquitto.url(), connections, window, 1, null, null)) {
            load.start();
            return measure(load::acknowledged, load, null, null);
        }
    }

    private Point measureRelay(MqttBroker mosquitto) throws Exception {
        try (RelayCounter subscriber = new RelayCounter(mosquitto.url(), brokerInflight);
             LoadGenerator load = new LoadGenerator(mosquitto.url(), connections, window, 1, null, null)) {
            load.start();
            return measure(subscriber::received, load, null, null);
        }
    }

    private Point measureBridge(KafkaBroker kafka, MqttBroker mosquitto, String mode) throws Exception {
        return measureBridge(kafka, mosquitto, mode, CpuPinning.disabled("not asked"));
    }

    /** A throughput point, with the generator and the bridge + Kafka on cores of their own if {@code pinning} can. */
    Point measureBridge(KafkaBroker kafka, MqttBroker mosquitto, String mode, CpuPinning pinning) throws Exception {
        BridgeProcess bridge = startBridge(kafka, mosquitto, mode, "bench-" + mode, null);
        try (ProcessMemory memory = new ProcessMemory(bridge.pid(), bridge::scrape);
             CpuPinning.Pinned pinned = pinning.pin(ProcessHandle.current().pid(), bridge.pid(), kafka.pid())) {
            String target = mode.equals("listen") ? bridge.listenUrl() : mosquitto.url();
            try (LoadGenerator load = new LoadGenerator(target, connections, window, 1, null, null)) {
                load.start();
                return measure(() -> forwarded(bridge), load, bridge, memory);
            }
        } finally {
            stop(bridge, mosquitto, mode);
        }
    }

    /** Point E: publish -> Kafka latency at a paced rate, measured by a consumer of the telemetry topic. */
    private LatencyPoint measureLatency(KafkaBroker kafka, MqttBroker mosquitto, String mode, double rate)
            throws Exception {
        return measureLatency(kafka, mosquitto, mode, rate, CpuPinning.disabled("not asked"), Map.of(),
                bridge -> new LoadGenerator(mode.equals("listen") ? bridge.listenUrl() : mosquitto.url(), connections,
                        window, 1, null, null));
    }

    /** Opens the publishers of a latency point, connected to {@code bridge} (listen) or to Mosquitto (subscribe). */
    interface LoadFactory {
        PacedLoad open(BridgeProcess bridge) throws Exception;
    }

    /**
     * Point E: publish -> Kafka latency at a paced rate, measured by a consumer of the telemetry topic; the
     * generator and the bridge + Kafka on cores of their own if {@code pinning} can.
     */
    LatencyPoint measureLatency(KafkaBroker kafka, MqttBroker mosquitto, String mode, double rate,
                                CpuPinning pinning, Map<String, String> bridgeEnvironment, LoadFactory publishers)
            throws Exception {
        BridgeProcess bridge = startBridge(kafka, mosquitto, mode, "bench-latency-" + mode, null, bridgeEnvironment);
        try (KafkaArrival arrival = new KafkaArrival(kafka.bootstrapServers(), TELEMETRY)) {
            try (PacedLoad load = publishers.open(bridge);
                 CpuPinning.Pinned pinned = pinning.pin(ProcessHandle.current().pid(), bridge.pid(), kafka.pid())) {
                load.startPaced(rate);
                Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
                load.takeLatency();
                arrival.take();
                ScrapedLatency bridgeLatency = new ScrapedLatency(bridge.scrape());
                long start = forwarded(bridge);
                long began = System.nanoTime();
                Thread.sleep(TimeUnit.SECONDS.toMillis(durationSeconds));
                double seconds = (System.nanoTime() - began) / 1e9;
                double delivered = (forwarded(bridge) - start) / seconds;
                MetricsScrape end = bridge.scrape();
                Histogram ack = load.takeLatency();
                Histogram path = arrival.take();
                return new LatencyPoint(rate, delivered, ack.getValueAtPercentile(50) / 1000.0,
                        ack.getValueAtPercentile(99) / 1000.0, ack.getMaxValue() / 1000.0,
                        path.getValueAtPercentile(50), path.getValueAtPercentile(99), path.getMaxValue(),
                        bridgeLatency.quantileMillis(end, 0.50), bridgeLatency.quantileMillis(end, 0.99));
            }
        } finally {
            stop(bridge, mosquitto, mode);
        }
    }

    /** Point E0 at E's listen rate: a plain producer, the bridge's settings, {@code linger} (null: the bridge's). */
    private ProducerLatency measureProducer(KafkaBroker kafka, double rate, Integer linger) throws Exception {
        return measureProducer(kafka, rate, linger, connections);
    }

    /** E0 with {@code keys} distinct station keys (as many as the point's publishing connections). */
    ProducerLatency measureProducer(KafkaBroker kafka, double rate, Integer linger, int keys) throws Exception {
        ProducerLatency e0 = ProducerLatency.measure(kafka, "bench-e0-" + (++topics), rate, linger, keys,
                warmupSeconds, durationSeconds);
        System.out.printf("E0 plain producer, linger %d ms, at %,.0f msg/s: send->ack p99 %.1f ms%n", e0.lingerMs(),
                e0.targetPerSecond(), e0.sendAckP99Millis());
        return e0;
    }

    /**
     * Several bridges share one subscription, each writing to the point's own topic: each should take about
     * its share, and once the publishers stop and the bridges drain, Kafka must hold every acknowledged
     * message exactly once.
     */
    private ScaleOutPoint measureScaleOut(KafkaBroker kafka, MqttBroker mosquitto) throws Exception {
        String topic = "bench-scale-out-" + (++topics);
        kafka.createTopic(topic, 6);
        List<BridgeProcess> bridges = new ArrayList<>();
        try {
            for (int i = 0; i < scaleOut; i++) {
                bridges.add(startBridge(kafka, mosquitto, "subscribe", "bench-scale-" + i, topic));
            }
            long published;
            List<Long> before = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            try (LoadGenerator load = new LoadGenerator(mosquitto.url(), connections, window, 1, null, null)) {
                load.start();
                Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
                for (BridgeProcess bridge : bridges) {
                    before.add(forwarded(bridge));
                }
                long began = System.nanoTime();
                Thread.sleep(TimeUnit.SECONDS.toMillis(durationSeconds));
                double seconds = (System.nanoTime() - began) / 1e9;
                for (int i = 0; i < bridges.size(); i++) {
                    rates.add((forwarded(bridges.get(i)) - before.get(i)) / seconds);
                }
                load.close();
                published = load.acknowledged();
            }
            long forwarded = awaitDrained(bridges, published);
            return new ScaleOutPoint(rates.stream().mapToDouble(Double::doubleValue).sum(), rates, published,
                    countRecords(kafka, topic), forwarded);
        } finally {
            for (BridgeProcess bridge : bridges) {
                stop(bridge, mosquitto, "subscribe");
            }
        }
    }

    private static long awaitDrained(List<BridgeProcess> bridges, long published) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long sum;
        long previous = -1;
        do {
            Thread.sleep(500);
            sum = 0;
            for (BridgeProcess bridge : bridges) {
                sum += forwarded(bridge);
            }
            if (sum == previous && sum >= published) {
                return sum;
            }
            previous = sum;
        } while (System.nanoTime() < deadline);
        return sum;
    }

    private static long countRecords(KafkaBroker kafka, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private BridgeProcess startBridge(KafkaBroker kafka, MqttBroker mosquitto, String mode, String name,
                                      String topic) throws Exception {
        return startBridge(kafka, mosquitto, mode, name, topic, Map.of());
    }

    /** @param more further configuration of the bridge (environment variables), e.g. a raised connection limit */
    BridgeProcess startBridge(KafkaBroker kafka, MqttBroker mosquitto, String mode, String name, String topic,
                              Map<String, String> more) throws Exception {
        boolean shared = mode.equals("subscribe") && (subscribeConnections > 1 || topic != null);
        Map<String, String> environment = new java.util.HashMap<>();
        if (topic != null) {
            environment.put("KAFKA_TOPIC_TELEMETRY", topic);
        }
        // As deployed (InitialRAMPercentage = MaxRAMPercentage, docs/operations.md): a heap G1 may shrink collects
        // far more often at device rates.
        environment.put("JAVA_TOOL_OPTIONS", ("-Xms" + bridgeHeap + " " + bridgeJavaOptions).strip());
        environment.putAll(bridgeEnvironment);
        environment.putAll(more);
        BridgeProcess bridge = BridgeProcess.start(mode, name, kafka, mosquitto, shared ? "bench" : null,
                topic != null ? 1 : subscribeConnections, window, bridgeHeap, logDir, environment);
        return bridge;
    }

    /**
     * Kills the bridge and, in subscribe mode, removes its persistent sessions from Mosquitto: left behind,
     * they would keep queueing every message of the later points and slow the broker down.
     */
    void stop(BridgeProcess bridge, MqttBroker mosquitto, String mode) throws Exception {
        bridge.close();
        if (!mode.equals("subscribe")) {
            return;
        }
        int sessions = bridge.subscribeConnections();
        for (int i = 0; i < sessions; i++) {
            String id = sessions == 1 ? bridge.clientId() : bridge.clientId() + "-" + i;
            var client = new org.eclipse.paho.client.mqttv3.MqttClient(mosquitto.url(), id,
                    new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            var options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
            options.setCleanSession(true);
            client.connect(options);
            client.disconnect();
            client.close();
        }
    }

    static long forwarded(BridgeProcess bridge) {
        try {
            return bridge.forwarded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the bridge's /metrics: " + e.getMessage(), e);
        }
    }

    /** Counts {@code delivered} over the measured window, after the warm-up. */
    private Point measure(LongSupplier delivered, LoadGenerator load, BridgeProcess bridge, ProcessMemory memory)
            throws Exception {
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        load.takeLatency();
        ScrapedLatency bridgeLatency = bridge == null ? null : new ScrapedLatency(bridge.scrape());
        long start = delivered.getAsLong();
        long published = load.acknowledged();
        long began = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(durationSeconds));
        double seconds = (System.nanoTime() - began) / 1e9;
        double rate = (delivered.getAsLong() - start) / seconds;
        double publishRate = (load.acknowledged() - published) / seconds;
        Histogram latency = load.takeLatency();
        MetricsScrape end = bridge == null ? null : bridge.scrape();
        return new Point(rate, publishRate, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0,
                bridge == null ? Double.NaN : bridgeLatency.quantileMillis(end, 0.50),
                bridge == null ? Double.NaN : bridgeLatency.quantileMillis(end, 0.99),
                memory == null ? 0 : memory.peakHeapBytes(), memory == null ? 0 : memory.peakRssBytes());
    }
}
