package io.pilotwatch.simulator.faults;

import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.sim.Seeds;

/**
 * Chains the enabled fault stages in front of the publishing sink: malformed, then duplicates, then late
 * delivery, then reordering. Each stage has its own random stream, so enabling one fault does not change
 * which messages another one picks, and none of them touches the simulation's streams.
 */
public final class FaultPipeline {

    private FaultPipeline() {
    }

    /** The first stage, or {@code terminal} itself when no fault is enabled. */
    public static MessageSink build(FaultSettings faults, long seed, MessageSink terminal) {
        MessageSink sink = terminal;
        if (faults.reorderWindow() > 1) {
            sink = new Reorderer(sink, faults.reorderWindow(), Seeds.stream(seed, "faults/reorder"));
        }
        if (faults.latePct() > 0) {
            sink = new LateDelivery(sink, faults.latePct(), faults.lateDelay().toMillis(),
                    Seeds.stream(seed, "faults/late"));
        }
        if (faults.duplicatesPct() > 0) {
            sink = new DuplicateInjector(sink, faults.duplicatesPct(), Seeds.stream(seed, "faults/duplicates"));
        }
        if (faults.malformedPct() > 0) {
            sink = new MalformedInjector(sink, faults.malformedPct(), Seeds.stream(seed, "faults/malformed"));
        }
        return sink;
    }
}
