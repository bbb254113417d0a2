package io.pilotwatch.simulator.faults;

import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.simulator.publish.Outgoing;
import java.util.SplittableRandom;

/**
 * Passes every message on and, after a random share of the real ones, one extra message: what the extra
 * is (a duplicate, a broken payload) is the subclass's. Injected messages never trigger more injections.
 */
abstract class ExtraAfterRealStage extends Stage {

    private final double probability;
    protected final SplittableRandom random;

    ExtraAfterRealStage(MessageSink next, double percent, SplittableRandom random) {
        super(next);
        this.probability = percent / 100;
        this.random = random;
    }

    @Override
    public final void accept(Outgoing message) {
        next.accept(message);
        if (message.origin() == Origin.REAL && random.nextDouble() < probability) {
            next.accept(extra(message));
        }
    }

    /** The message to send right after {@code real}. */
    protected abstract Outgoing extra(Outgoing real);
}
