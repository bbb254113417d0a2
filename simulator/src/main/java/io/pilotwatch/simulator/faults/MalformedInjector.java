package io.pilotwatch.simulator.faults;

import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.simulator.publish.Outgoing;
import java.util.SplittableRandom;

/**
 * After a share of real messages, publishes an additional broken payload on the same station's topic
 * (never retained, so it cannot replace a retained profile). See {@link MalformedPayloads} for the kinds.
 */
final class MalformedInjector extends ExtraAfterRealStage {

    MalformedInjector(MessageSink next, double percent, SplittableRandom random) {
        super(next, percent, random);
    }

    @Override
    protected Outgoing extra(Outgoing real) {
        byte[] broken = MalformedPayloads.breakPayload(real.payload(), random.nextInt(MalformedPayloads.VARIANTS));
        return new Outgoing(real.topic(), broken, false, real.kind(), real.route(), Origin.MALFORMED,
                real.eventMillis(), real.paceMillis());
    }
}
