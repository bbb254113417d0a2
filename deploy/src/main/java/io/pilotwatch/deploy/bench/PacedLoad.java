package io.pilotwatch.deploy.bench;

import org.HdrHistogram.Histogram;

/** Publishers of a latency point: paced to a total rate, each message's {@code ts} the wall clock at publish. */
interface PacedLoad extends AutoCloseable {

    /** Starts publishing {@code totalPerSecond} messages per second over all connections. */
    void startPaced(double totalPerSecond) throws Exception;

    /** Publish -> acknowledgement since the last call, in microseconds. */
    Histogram takeLatency();
}
