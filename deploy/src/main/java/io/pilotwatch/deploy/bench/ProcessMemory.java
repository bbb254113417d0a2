package io.pilotwatch.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Samples a child service's memory every 250 ms and keeps the peaks: heap in use from its own
 * {@code jvm_memory_used_bytes{area="heap"}} (garbage not yet collected included, so an upper bound of the
 * live set) and resident memory from {@code /proc/<pid>/status} ({@code VmRSS}, and the kernel's own
 * high-water mark {@code VmHWM} for the peak between samples).
 */
final class ProcessMemory implements AutoCloseable {

    private final long pid;
    private final Callable<MetricsScrape> scrape;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakRss;

    ProcessMemory(long pid, Callable<MetricsScrape> scrape) {
        this.pid = pid;
        this.scrape = scrape;
        this.thread = new Thread(this::sample, "memory-sampler-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            try {
                peakHeap = Math.max(peakHeap, heapBytes(scrape.call()));
                peakRss = Math.max(peakRss, statusKib("VmRSS") * 1024);
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // The service is gone or busy for a moment: the next sample counts.
            }
        }
    }

    static long heapBytes(MetricsScrape scrape) {
        return Math.round(scrape.sum("jvm_memory_used_bytes", "area=\"heap\""));
    }

    /** A {@code kB} field of {@code /proc/<pid>/status}, or 0 when the process is gone. */
    private long statusKib(String field) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        return 0;
    }

    long peakHeapBytes() {
        return peakHeap;
    }

    /** The larger of the sampled peak and the kernel's high-water mark (read while the process lives). */
    long peakRssBytes() {
        try {
            return Math.max(peakRss, statusKib("VmHWM") * 1024);
        } catch (IOException e) {
            return peakRss;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
