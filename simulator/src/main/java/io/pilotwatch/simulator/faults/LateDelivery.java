package io.pilotwatch.simulator.faults;

import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Outgoing;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Holds back a share of messages and publishes them once simulated time has passed their event time plus
 * the delay, as a device with a buffered backlog would; their {@code ts} stays the event time.
 */
final class LateDelivery extends Stage {

    private record Held(Outgoing message, long order) {
    }

    private final double probability;
    private final long delayMillis;
    private final SplittableRandom random;
    private final PriorityQueue<Held> held = new PriorityQueue<>(
            Comparator.comparingLong((Held h) -> h.message().paceMillis()).thenComparingLong(Held::order));
    private long order;

    LateDelivery(MessageSink next, double percent, long delayMillis, SplittableRandom random) {
        super(next);
        this.probability = percent / 100;
        this.delayMillis = delayMillis;
        this.random = random;
    }

    @Override
    public void accept(Outgoing message) {
        if (random.nextDouble() < probability) {
            held.add(new Held(message.pacedAt(message.eventMillis() + delayMillis), order++));
        } else {
            next.accept(message);
        }
    }

    @Override
    public void advanceTo(long simMillis) {
        while (!held.isEmpty() && held.peek().message().paceMillis() <= simMillis) {
            next.accept(held.remove().message());
        }
        next.advanceTo(simMillis);
    }

    @Override
    public void flush() {
        while (!held.isEmpty()) {
            next.accept(held.remove().message());
        }
        next.flush();
    }
}
