package io.pilotwatch.simulator.faults;

import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Outgoing;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shuffles messages within consecutive windows of N: collects N messages, then publishes them in a random
 * order. A station's messages may then arrive out of {@code seq} order, as over several network paths.
 */
final class Reorderer extends Stage {

    private final int window;
    private final SplittableRandom random;
    private final List<Outgoing> buffer = new ArrayList<>();

    Reorderer(MessageSink next, int window, SplittableRandom random) {
        super(next);
        this.window = window;
        this.random = random;
    }

    @Override
    public void accept(Outgoing message) {
        buffer.add(message);
        if (buffer.size() >= window) {
            release();
        }
    }

    @Override
    public void flush() {
        release();
        next.flush();
    }

    private void release() {
        for (int i = buffer.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Outgoing swap = buffer.get(i);
            buffer.set(i, buffer.get(j));
            buffer.set(j, swap);
        }
        buffer.forEach(next::accept);
        buffer.clear();
    }
}
