package io.pilotwatch.deploy.bench;

import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Issue 18's listen-mode points, where the bridge's latency can be judged: the generator pinned to a core of its
 * own ({@link CpuPinning}) for C's maximum (Cp) and the latency at half of it; latency at device rates over many
 * connections ({@link DeviceFleet}), each next to E0 at the same rate; and memory per connection, idle and active.
 * E0 runs unpinned, with the generator stopped: the strictest reference (a plain producer with both cores).
 */
final class ListenPoints {

    private static final double MIB = 1024 * 1024;

    private final IngestBenchmark bench;
    private final KafkaBroker kafka;
    private final MqttBroker mosquitto;
    private final CpuPinning pinning;
    private final List<String> notes = new ArrayList<>();

    ListenPoints(IngestBenchmark bench, KafkaBroker kafka, MqttBroker mosquitto, CpuPinning pinning) {
        this.bench = bench;
        this.kafka = kafka;
        this.mosquitto = mosquitto;
        this.pinning = pinning;
    }

    Results measure() throws Exception {
        System.out.println("Listen points: " + pinning.describe());
        Point max = null;
        LatencyPoint halfPoint = null;
        ProducerLatency halfE0 = null;
        if (!bench.devicePointsOnly) {
            max = bench.measureBridge(kafka, mosquitto, "listen", pinning);
            System.out.printf("Cp listen, %s: %,.0f msg/s%n", pinning.unavailable() == null ? "pinned" : "not pinned",
                    max.deliveredPerSecond());
            double half = max.deliveredPerSecond() / 2;
            halfPoint = bench.measureLatency(kafka, mosquitto, "listen", half, pinning, Map.of(),
                    bridge -> new LoadGenerator(bridge.listenUrl(), bench.connections, bench.window, 1, null, null));
            halfE0 = bench.measureProducer(kafka, half, null, bench.connections);
            System.out.printf("Ep listen at %,.0f msg/s: publish->PUBACK p99 %.1f ms (E0 %.1f)%n", half,
                    halfPoint.publishAckP99Millis(), halfE0.sendAckP99Millis());
        }
        List<DevicePoint> devices = new ArrayList<>();
        for (double rate : bench.deviceRates.stream().filter(r -> r > 0).toList()) { // 0: skipped
            DeviceFleet[] fleet = new DeviceFleet[1];
            LatencyPoint point = bench.measureLatency(kafka, mosquitto, "listen", rate, pinning, Map.of(),
                    bridge -> fleet[0] = new DeviceFleet("127.0.0.1", bridge.listenPort(), bench.deviceConnections));
            Histogram late = fleet[0].takeTickLateness();
            ProducerLatency e0 = bench.measureProducer(kafka, rate, null, bench.deviceConnections);
            // The same producer on the broker's core, as the bridge is at these points: reported, not judged (the
            // bound keeps the strictest reference, E0 on both cores).
            ProducerLatency e0SameCore;
            try (CpuPinning.Pinned pinned = pinning.pinToSystemCores(ProcessHandle.current().pid(), kafka.pid())) {
                e0SameCore = bench.measureProducer(kafka, rate, null, bench.deviceConnections);
            }
            devices.add(new DevicePoint(bench.deviceConnections, point, e0, e0SameCore,
                    late.getValueAtPercentile(99) / 1000.0, late.getMaxValue() / 1000.0, fleet[0].failed()));
            System.out.printf("Device rate %,.0f msg/s over %,d connections: publish->PUBACK p99 %.1f ms (E0 %.1f)%n",
                    rate, bench.deviceConnections, point.publishAckP99Millis(), e0.sendAckP99Millis());
        }
        List<ConnectionMemory> memory = new ArrayList<>();
        List<Integer> sizes = bench.devicePointsOnly ? List.of()
                : bench.memoryConnections.stream().filter(n -> n > 0).toList(); // 0: skipped
        for (int n : sizes) {
            long limit = openFilesLimit();
            if (limit < n + 2_000L) {
                notes.add(String.format(Locale.ROOT, "memory at %,d connections skipped: open files limit (ulimit -n) "
                        + "%d is below %,d + 2,000", n, limit, n));
                continue;
            }
            memory.add(measureMemory(n));
        }
        return new Results(pinning.describe(), bench.connections, bench.bridgeHeap, max, halfPoint, halfE0, devices, memory, notes);
    }

    /** A fresh bridge: baseline, then {@code n} silent connections, then 1 msg/s on each (pinning not needed). */
    private ConnectionMemory measureMemory(int n) throws Exception {
        // Raised for the benchmark only: the default ingest.listen.max.connections is 10,000.
        BridgeProcess bridge = bench.startBridge(kafka, mosquitto, "listen", "bench-memory-" + n, null,
                Map.of("INGEST_LISTEN_MAX_CONNECTIONS", Integer.toString(2 * n)));
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(bench.warmupSeconds));
            ConnectionMemory.Sample baseline = ConnectionMemory.sample(bridge);
            try (DeviceFleet fleet = new DeviceFleet("127.0.0.1", bridge.listenPort(), n)) {
                Thread.sleep(2_000);
                ConnectionMemory.Sample idle = ConnectionMemory.sample(bridge);
                fleet.startPaced(n);
                Thread.sleep(TimeUnit.SECONDS.toMillis(bench.warmupSeconds));
                long start = IngestBenchmark.forwarded(bridge);
                long began = System.nanoTime();
                Thread.sleep(TimeUnit.SECONDS.toMillis(bench.durationSeconds));
                double rate = (IngestBenchmark.forwarded(bridge) - start) / ((System.nanoTime() - began) / 1e9);
                ConnectionMemory.Sample active = ConnectionMemory.sample(bridge);
                fleet.stop();
                ConnectionMemory result = new ConnectionMemory(n, baseline, idle, active, rate);
                System.out.printf("Memory at %,d connections: per connection idle heap %,d B, active heap %,d B, "
                                + "RSS idle %,d B, active %,d B (%,.0f msg/s)%n", n,
                        result.idlePerConnection().heapAfterGcBytes(), result.activePerConnection().heapAfterGcBytes(),
                        result.idlePerConnection().rssBytes(), result.activePerConnection().rssBytes(), rate);
                return result;
            }
        } finally {
            bench.stop(bridge, mosquitto, "listen");
        }
    }

    /** The soft "Max open files" of this JVM (children inherit it). */
    private static long openFilesLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                return Long.parseLong(line.substring("Max open files".length()).strip().split("\\s+")[0]);
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * A device-rate latency point and its reference at the same rate.
     *
     * @param generatorLateP99Millis how late the generator's 1 ms pacing ticks ran over the measured window, 99th
     *                               percentile: above a few ms, the generator itself waited for a core
     * @param failedPublishes        publishes the generator could not make (a connection closed)
     */
    record DevicePoint(int connections, LatencyPoint listen, ProducerLatency e0, ProducerLatency e0SameCore,
                       double generatorLateP99Millis,
                       double generatorLateMaxMillis, long failedPublishes) {

        /** Issue 18's bound: 2 x E0's p99 + 5 ms. */
        double boundMillis() {
            return 2 * e0.sendAckP99Millis() + 5;
        }

        boolean met() {
            return listen.publishAckP99Millis() <= boundMillis();
        }
    }

    /**
     * @param pinning    what was pinned, or why not
     * @param connections the Paho generator's connections in Cp and Ep
     * @param max        Cp: C's maximum with the pinning, or null (--device-points-only)
     * @param half       latency at half of Cp, with the pinning, or null
     * @param halfE0     E0 at that rate, or null
     */
    record Results(String pinning, int connections, String bridgeHeap, Point max, LatencyPoint half, ProducerLatency halfE0, List<DevicePoint> devices,
                   List<ConnectionMemory> memory, List<String> notes) {

        String markdown() {
            StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%nListen mode where the latency can be "
                    + "judged: %s. E0 unpinned, the generator stopped. "
                    + "Bridge receipt->Kafka ack from its own histogram (bucket upper bounds).%n%n", pinning));
            md.append("| listen point | paced msg/s | delivered msg/s | publish->PUBACK p50 ms | p99 ms | max ms "
                    + "| bridge receipt->Kafka ack p50 ms | p99 ms | publish->read from Kafka p99 ms "
                    + "| E0 send->ack p50 ms | E0 p99 ms | E0 max ms | bound ms | met |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
            if (max != null) {
                md.append(String.format(Locale.ROOT, "| Cp. maximum, %d connections | - | %,.0f | %.1f | %.1f | %.1f "
                                + "| %.1f | %.1f | - | - | - | - | - | - |%n", connections, max.deliveredPerSecond(),
                        max.publishAckP50Millis(), max.publishAckP99Millis(), max.publishAckMaxMillis(),
                        max.bridgeAckP50Millis(), max.bridgeAckP99Millis()));
                row(md, "Ep. half of Cp", half, halfE0, 50, half.publishAckP99Millis() <= 50);
            }
            for (DevicePoint d : devices) {
                row(md, String.format(Locale.ROOT, "device rate, %,d connections (generator ticks late p99 %.1f, "
                                + "max %.0f ms)", d.connections(), d.generatorLateP99Millis(), d.generatorLateMaxMillis()),
                        d.listen(), d.e0(), d.boundMillis(), d.met());
            }
            if (!memory.isEmpty()) {
                md.append("\n| memory per listen connection | connections | msg/s (active) | heap after GC B/conn "
                        + "idle | active | direct B/conn idle | active | RSS B/conn idle | active | baseline heap / "
                        + "direct / RSS MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
                for (ConnectionMemory m : memory) {
                    ConnectionMemory.Sample idle = m.idlePerConnection();
                    ConnectionMemory.Sample active = m.activePerConnection();
                    md.append(String.format(Locale.ROOT, "| bridge -Xms = -Xmx %s | %,d | %,.0f | %,d | %,d | %,d | %,d | %,d "
                                    + "| %,d | %.0f / %.1f / %.0f |%n", bridgeHeap, m.connections(), m.activePerSecond(),
                            idle.heapAfterGcBytes(), active.heapAfterGcBytes(), idle.directBytes(), active.directBytes(),
                            idle.rssBytes(), active.rssBytes(), m.baseline().heapAfterGcBytes() / MIB,
                            m.baseline().directBytes() / MIB, m.baseline().rssBytes() / MIB));
                }
                for (int i = 1; i < memory.size(); i++) {
                    ConnectionMemory.Sample idle = ConnectionMemory.marginal(memory.get(i - 1), memory.get(i), false);
                    ConnectionMemory.Sample active = ConnectionMemory.marginal(memory.get(i - 1), memory.get(i), true);
                    md.append(String.format(Locale.ROOT, "| marginal, %,d -> %,d | - | - | %,d | %,d | %,d | %,d | %,d "
                                    + "| %,d | - |%n", memory.get(i - 1).connections(), memory.get(i).connections(),
                            idle.heapAfterGcBytes(), active.heapAfterGcBytes(), idle.directBytes(), active.directBytes(),
                            idle.rssBytes(), active.rssBytes()));
                }
            }
            notes.forEach(note -> md.append("\n").append(note).append("\n"));
            return md.toString();
        }

        private static void row(StringBuilder md, String name, LatencyPoint p, ProducerLatency e0, double bound,
                                boolean met) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f "
                            + "| %.1f | %.1f | %.1f | %.1f | %s |%n", name, p.targetPerSecond(), p.deliveredPerSecond(),
                    p.publishAckP50Millis(), p.publishAckP99Millis(), p.publishAckMaxMillis(), p.bridgeAckP50Millis(),
                    p.bridgeAckP99Millis(), p.arrivalP99Millis(), e0.sendAckP50Millis(),
                    e0.sendAckP99Millis(), e0.sendAckMaxMillis(), bound, met ? "yes" : "**no**"));
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("pinning", pinning);
            if (max != null) {
                json.put("Cp", max);
                json.put("Ep", Map.of("listen", half, "E0", halfE0));
            }
            List<Map<String, Object>> rates = new ArrayList<>();
            for (DevicePoint d : devices) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("connections", d.connections());
                point.put("targetPerSecond", d.listen().targetPerSecond());
                point.put("listen", d.listen());
                point.put("E0", d.e0());
                point.put("E0sameCore", d.e0SameCore());
                point.put("generatorLateP99Millis", d.generatorLateP99Millis());
                point.put("generatorLateMaxMillis", d.generatorLateMaxMillis());
                point.put("failedPublishes", d.failedPublishes());
                point.put("boundMillis", d.boundMillis());
                point.put("met", d.met());
                rates.add(point);
            }
            json.put("deviceRates", rates);
            List<Map<String, Object>> memories = new ArrayList<>();
            for (ConnectionMemory m : memory) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("connections", m.connections());
                point.put("activePerSecond", m.activePerSecond());
                point.put("baseline", m.baseline());
                point.put("idle", m.idle());
                point.put("active", m.active());
                point.put("idlePerConnection", m.idlePerConnection());
                point.put("activePerConnection", m.activePerConnection());
                memories.add(point);
            }
            json.put("memoryPerConnection", memories);
            List<Map<String, Object>> marginals = new ArrayList<>();
            for (int i = 1; i < memory.size(); i++) {
                marginals.add(Map.of("from", memory.get(i - 1).connections(), "to", memory.get(i).connections(),
                        "idle", ConnectionMemory.marginal(memory.get(i - 1), memory.get(i), false),
                        "active", ConnectionMemory.marginal(memory.get(i - 1), memory.get(i), true)));
            }
            json.put("memoryPerConnectionMarginal", marginals);
            json.put("notes", notes);
            return json;
        }
    }
}
