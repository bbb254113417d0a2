package io.pilotwatch.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Main class of the Kafka child JVM: runs {@code kafka.Kafka} and halts as soon as its parent, the
 * test JVM, is gone. The parent holds the write end of this process's stdin and never writes;
 * the kernel closes it when the parent exits for any reason, including SIGKILL, so reading
 * stdin returns end-of-file exactly then. Without this a crashed test run would leave brokers behind.
 * (ParentDeathGuard covers the one case this cannot: a broker frozen with SIGSTOP.)
 *
 * <p>Arguments: the path of {@code server.properties}.
 */
public final class KafkaServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaServerMain.class);

    private KafkaServerMain() {
    }

    public static void main(String[] args) {
        Thread watchdog = new Thread(KafkaServerMain::haltWhenParentIsGone, "testkit-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void haltWhenParentIsGone() {
        byte[] buffer = new byte[256];
        try (InputStream in = System.in) {
            while (in.read(buffer) != -1) {
                // discard: only end-of-file matters
            }
            LOG.warn("stdin closed: the parent JVM is gone, halting the broker");
        } catch (IOException e) {
            // stdin can no longer tell us whether the parent lives; an orphan broker is worse than a dead one.
            LOG.error("Cannot read stdin to watch the parent JVM, halting the broker", e);
        }
        // halt, not exit: shutdown hooks could take long, and nobody is waiting for a clean shutdown.
        Runtime.getRuntime().halt(1);
    }
}
