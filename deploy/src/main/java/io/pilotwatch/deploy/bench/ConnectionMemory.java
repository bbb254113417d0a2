package io.pilotwatch.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Memory per listen-mode connection: the bridge with no device connected (baseline), with {@code connections}
 * connected and silent (idle), and with each of them publishing one QoS 1 message per second (active). Per
 * connection = (with N - baseline) / N.
 *
 * @param activePerSecond messages per second the bridge forwarded during the active sample's window
 */
record ConnectionMemory(int connections, Sample baseline, Sample idle, Sample active, double activePerSecond) {

    /**
     * One sample of the bridge process.
     *
     * @param heapAfterGcBytes live objects after a full collection ({@code jcmd <pid> GC.class_histogram}'s total)
     * @param directBytes      the JVM's direct buffer pool ({@code jvm_buffer_memory_used_bytes{id="direct"}}), where
     *                         Netty's buffers are on Java 17 (it allocates through {@code ByteBuffer.allocateDirect}
     *                         unless given {@code -Dio.netty.tryReflectionSetAccessible=true})
     * @param rssBytes         resident memory, {@code VmRSS} of {@code /proc/<pid>/status}
     */
    record Sample(long heapAfterGcBytes, long directBytes, long rssBytes) {

        /** (this - baseline) / n, per field, in bytes. */
        Sample perConnection(Sample baseline, int n) {
            return new Sample((heapAfterGcBytes - baseline.heapAfterGcBytes) / n,
                    (directBytes - baseline.directBytes) / n, (rssBytes - baseline.rssBytes) / n);
        }
    }

    Sample idlePerConnection() {
        return idle.perConnection(baseline, connections);
    }

    Sample activePerConnection() {
        return active.perConnection(baseline, connections);
    }

    /**
     * Per connection between two fleet sizes, (larger - smaller) / (difference in connections): without what the
     * first connections cost once (pools, the JIT's code, the producer's buffers once traffic flows).
     */
    static Sample marginal(ConnectionMemory smaller, ConnectionMemory larger, boolean active) {
        return (active ? larger.active : larger.idle).perConnection(active ? smaller.active : smaller.idle,
                larger.connections - smaller.connections);
    }

    /**
     * Samples the bridge now. The live heap is the total of {@code jcmd <pid> GC.class_histogram}, which counts what
     * a full collection left: reading the heap in use after a {@code GC.run} instead would also count what active
     * connections allocated between the collection and the read (at 10,000 msg/s, about 100 MB a second).
     */
    static Sample sample(BridgeProcess bridge) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process histogram = new ProcessBuilder(jcmd.toString(), Long.toString(bridge.pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String output = new String(histogram.getInputStream().readAllBytes());
        if (!histogram.waitFor(120, TimeUnit.SECONDS) || histogram.exitValue() != 0) {
            throw new IOException("jcmd " + bridge.pid() + " GC.class_histogram failed: " + output.strip());
        }
        MetricsScrape scrape = bridge.scrape();
        return new Sample(histogramTotalBytes(output),
                Math.round(scrape.sum("jvm_buffer_memory_used_bytes", "id=\"direct\"")), rssBytes(bridge.pid()));
    }

    /** The bytes of the {@code Total} line of a class histogram: {@code Total <instances> <bytes>}. */
    static long histogramTotalBytes(String histogram) throws IOException {
        for (String line : histogram.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 3 && fields[0].equals("Total")) {
                return Long.parseLong(fields[2]);
            }
        }
        throw new IOException("no Total line in the class histogram: " + histogram.lines().limit(3).toList());
    }

    private static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return 1024 * Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip());
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }
}
