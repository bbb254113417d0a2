package io.pilotwatch.deploy.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one directory that holds everything the local stack keeps: Kafka's log dir, the analytics state, the
 * simulator's ground truth, generated device credentials, and a log file per service. {@code --reset} deletes it.
 * A lock file keeps two launchers from sharing it.
 */
final class DataDir implements AutoCloseable {

    /** Written into every data directory: --reset deletes only directories that have it (or are empty). */
    private static final String MARKER = "PILOTWATCH-DATA";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDir(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates (and with {@code reset} first deletes) the directory and locks it.
     *
     * @throws IllegalStateException if another launcher holds the lock
     */
    static DataDir open(Path root, boolean reset) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute) && !Files.exists(absolute.resolve(MARKER)) && !isEmpty(absolute)) {
            throw new IllegalStateException(absolute + " is not empty and not a PilotWatch data directory (no "
                    + MARKER + " file); choose another --data-dir");
        }
        if (reset && Files.exists(absolute)) {
            ensureNotLocked(absolute);
            deleteRecursively(absolute);
        }
        Files.createDirectories(absolute);
        if (!Files.exists(absolute.resolve(MARKER))) {
            Files.writeString(absolute.resolve(MARKER), "Data of a PilotWatch local stack (./pilotwatch local). "
                    + "Deleted by --reset.\n");
        }
        FileChannel channel = FileChannel.open(absolute.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another local stack is using " + absolute
                    + "; stop it first, or give this one another --data-dir");
        }
        return new DataDir(absolute, channel, lock);
    }

    Path root() {
        return root;
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path analyticsState() {
        return root.resolve("analytics-state");
    }

    Path simulator() {
        return root.resolve("simulator");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String service) {
        return logs().resolve(service + ".log");
    }

    /** Generated device credentials of the bridge's listener (see {@link DeviceCredentials}). */
    Path credentials() {
        return root.resolve("mqtt");
    }

    /** Marks a part of the simulated history as published, so that a restart does not publish it again. */
    Path historyMarker(String window) {
        return simulator().resolve("history-" + window + ".done");
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void ensureNotLocked(Path root) throws IOException {
        Path lockFile = root.resolve(".lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock probe = channel.tryLock()) {
            if (probe == null) {
                throw new IllegalStateException("cannot --reset " + root + ": another local stack is using it");
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            // Children sort after their parent: reversed, files go before their directory.
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
