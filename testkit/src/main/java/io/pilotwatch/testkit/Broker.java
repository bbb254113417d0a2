package io.pilotwatch.testkit;

import java.nio.file.Path;

/**
 * A broker running as a child process of this JVM, with controls to inject faults.
 *
 * <p>All methods are thread-safe. Control methods block until the process has reached the new
 * state. They throw {@link BrokerException} when that does not happen (with the tail of the log
 * file in the message), and {@link IllegalStateException} once the broker is closed.
 * If the calling thread is interrupted while waiting, they restore its interrupt flag and throw
 * {@link BrokerException}.
 */
public interface Broker extends AutoCloseable {

    /**
     * Stops the broker gracefully: sends SIGTERM and waits for the process to exit, so the broker
     * can flush and save its state. Thaws a frozen broker first. Does nothing if it is not running.
     *
     * @throws BrokerException if the process does not exit within the start timeout; it is then
     *     killed before this is thrown
     */
    void stop();

    /**
     * Kills the broker like a crash: sends SIGKILL and waits for the process to exit. Data not yet
     * written to disk is lost. Does nothing if the process is not running.
     */
    void kill();

    /**
     * Starts the broker again on the same port(s) and data directory, after {@link #stop()},
     * {@link #kill()} or a crash, and waits until it answers. A running or frozen broker is
     * stopped gracefully first. Clients may reconnect to the same address.
     *
     * @throws BrokerException if the broker exits or does not answer within the start timeout
     *     ({@code testkit.startTimeoutSeconds}, default 120)
     */
    void restart();

    /**
     * Freezes the broker with SIGSTOP: the process stays alive and keeps its connections open,
     * but answers nothing, like a broker stuck in a long GC pause or a hung host. Does nothing if
     * it is already frozen.
     *
     * @throws IllegalStateException if the process is not running
     */
    void freeze();

    /** Resumes a frozen broker with SIGCONT. Does nothing if it is not frozen. */
    void thaw();

    /** Whether the process is alive and not frozen, so it is expected to answer. Never blocks. */
    boolean isRunning();

    /** The operating-system process id of the current (or last) broker process. */
    long pid();

    /** The directory holding the broker's configuration, data and log file; deleted by {@link #close()}. */
    Path dataDir();

    /**
     * The file receiving the broker's log and its standard output and error, appended to across
     * restarts. Read it to see why a test failed before the class finishes.
     */
    Path logFile();

    /**
     * Kills the broker (thawing it first if frozen), waits for it to exit and deletes its data
     * directory. Calling it again does nothing.
     *
     * @throws java.io.UncheckedIOException if the data directory cannot be deleted
     */
    @Override
    void close();
}
