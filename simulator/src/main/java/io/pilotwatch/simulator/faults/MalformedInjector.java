package io.pilotwatch.simulator.faults;

import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.simulator.publish.Outgoing;
import java.util.SplittableRandom;

/**
 * After a share of real messages, publishes an additional broken payload on the same station's topic
 * (never retained, so it cannot replace a retained profile). See {@link MalformedPayloads} for the kinds.
 */
final class MalformedInjector extends Stage {

    private final double probability;
    private final SplittableRandom random;

    MalformedInjector(MessageSink next, double percent, SplittableRandom random) {
        super(next);
        this.probability = percent / 100;
        this.random = random;
    }

    @Override
    public void accept(Outgoing message) {
        next.accept(message);
        if (message.origin() == Origin.REAL && random.nextDouble() < probability) {
            byte[] broken = MalformedPayloads.breakPayload(message.payload(), random.nextInt(MalformedPayloads.VARIANTS));
            next.accept(new Outgoing(message.topic(), broken, false, message.kind(), message.route(), Origin.MALFORMED,
                    message.eventMillis(), message.paceMillis()));
        }
    }
}
