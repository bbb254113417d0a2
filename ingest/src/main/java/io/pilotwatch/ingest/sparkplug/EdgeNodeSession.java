package io.pilotwatch.ingest.sparkplug;

import java.util.LinkedHashMap;
import java.util.Map;

/** A live edge node as its NBIRTH and DBIRTHs described it, and where its seq stands. */
final class EdgeNodeSession {

    final long bdSeq;
    final MetricScope node = new MetricScope();
    final Map<String, MetricScope> devices = new LinkedHashMap<>();
    private int lastSeq;

    EdgeNodeSession(long bdSeq, int birthSeq) {
        this.bdSeq = bdSeq;
        this.lastSeq = birthSeq;
    }

    /**
     * Records the seq of the next message of this edge node.
     *
     * @return true if it is the previous seq + 1 (mod 256); false for a gap or a message out of order
     */
    boolean advance(int seq) {
        boolean inOrder = seq == (lastSeq + 1) % 256;
        lastSeq = seq;
        return inOrder;
    }
}
