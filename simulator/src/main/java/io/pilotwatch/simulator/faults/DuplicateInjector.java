package io.pilotwatch.simulator.faults;

import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Outgoing;
import java.util.SplittableRandom;

/** Sends a share of real messages twice in a row, byte for byte (as a device resending after a lost ack). */
final class DuplicateInjector extends ExtraAfterRealStage {

    DuplicateInjector(MessageSink next, double percent, SplittableRandom random) {
        super(next, percent, random);
    }

    @Override
    protected Outgoing extra(Outgoing real) {
        return real.asDuplicate();
    }
}
