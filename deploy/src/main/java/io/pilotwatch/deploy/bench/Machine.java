package io.pilotwatch.deploy.bench;

import java.lang.management.ManagementFactory;

/** The machine a benchmark ran on, for its report: figures from different machines are not comparable. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Runtime.getRuntime().availableProcessors() + " cores, " + (memory >> 30) + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version");
    }
}
