package io.pilotwatch.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pins processes to cores with util-linux {@code taskset -a -p -c <cores> <pid>}: every thread the process has,
 * and so every thread it starts later (a thread inherits its creator's affinity). Used to keep the load
 * generator (this JVM) on core 0 and the system under test (bridge, Kafka) on core 1, so that the generator does
 * not take the bridge's core. Re-pinning running processes, rather than starting them under {@code taskset}, keeps
 * one JVM for the whole run; {@link Pinned#close()} gives them every core back. Other processes on the machine
 * (other users' builds) are not pinned and still run on both cores.
 */
final class CpuPinning {

    private final int cores;
    private final String unavailable;

    private CpuPinning(int cores, String unavailable) {
        this.cores = cores;
        this.unavailable = unavailable;
    }

    /** Pinning if this machine allows it: {@code taskset} on the PATH and at least 2 cores. */
    static CpuPinning detect() {
        int cores = Runtime.getRuntime().availableProcessors();
        boolean taskset = List.of("/usr/bin/taskset", "/bin/taskset").stream().anyMatch(p -> Files.isExecutable(Path.of(p)));
        String reason = !taskset ? "taskset missing (util-linux)" : cores < 2 ? cores + " core" : null;
        return new CpuPinning(cores, reason);
    }

    /** No pinning, for {@code reason} (shown in the results). */
    static CpuPinning disabled(String reason) {
        return new CpuPinning(Runtime.getRuntime().availableProcessors(), reason);
    }

    /** Why pinning is not possible here, or null when it is. */
    String unavailable() {
        return unavailable;
    }

    /** What was pinned, for the report. */
    String describe() {
        return unavailable != null ? "not pinned: " + unavailable
                : "pinned with taskset: load generator (benchmark JVM) on core 0; bridge and Kafka on core "
                        + (cores > 2 ? "1-" + (cores - 1) : "1");
    }

    /**
     * Pins the generator to core 0 and the others to the remaining cores; nothing when pinning is unavailable.
     *
     * @throws IOException if taskset fails (a pid gone, no permission): the point would not be what it claims
     */
    Pinned pin(long generatorPid, long... systemPids) throws IOException, InterruptedException {
        List<Long> pinned = new ArrayList<>();
        Pinned result = new Pinned(pinned);
        if (unavailable != null) {
            return result;
        }
        taskset("0", generatorPid);
        pinned.add(generatorPid);
        for (long pid : systemPids) {
            taskset(cores > 2 ? "1-" + (cores - 1) : "1", pid);
            pinned.add(pid);
        }
        return result;
    }

    /**
     * Pins every process to the system under test's cores (1, or 1 to n-1): for E0 on the broker's core, the same
     * share of the machine the bridge has at the pinned points. Nothing when pinning is unavailable.
     */
    Pinned pinToSystemCores(long... pids) throws IOException, InterruptedException {
        List<Long> pinned = new ArrayList<>();
        Pinned result = new Pinned(pinned);
        if (unavailable != null) {
            return result;
        }
        for (long pid : pids) {
            taskset(cores > 2 ? "1-" + (cores - 1) : "1", pid);
            pinned.add(pid);
        }
        return result;
    }

    final class Pinned implements AutoCloseable {
        private final List<Long> pids;

        private Pinned(List<Long> pids) {
            this.pids = pids;
        }

        /** Gives every pinned process all cores again (a process already gone is skipped). */
        @Override
        public void close() throws IOException, InterruptedException {
            for (long pid : pids) {
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    taskset("0-" + (cores - 1), pid);
                }
            }
        }
    }

    private static void taskset(String cpus, long pid) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("taskset -a -p -c " + cpus + " " + pid + " failed: " + output.strip());
        }
    }
}
