package io.pilotwatch.simulator.faults;

import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.simulator.publish.Outgoing;
import java.util.SplittableRandom;

/** Sends a share of real messages twice in a row, byte for byte (as a device resending after a lost ack). */
final class DuplicateInjector extends Stage {

    private final double probability;
    private final SplittableRandom random;

    DuplicateInjector(MessageSink next, double percent, SplittableRandom random) {
        super(next);
        this.probability = percent / 100;
        this.random = random;
    }

    @Override
    public void accept(Outgoing message) {
        next.accept(message);
        if (message.origin() == Origin.REAL && random.nextDouble() < probability) {
            next.accept(message.asDuplicate());
        }
    }
}
