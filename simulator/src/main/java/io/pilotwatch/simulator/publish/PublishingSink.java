package io.pilotwatch.simulator.publish;

import io.pilotwatch.simulator.clock.Pacer;

/** The last stage: waits for the simulated clock, publishes, and counts what was published. */
public final class PublishingSink implements MessageSink {

    private final Pacer pacer;
    private final MessagePublisher publisher;
    private final MessageCounts counts;
    private long lastPacedMillis = Long.MIN_VALUE;

    public PublishingSink(Pacer pacer, MessagePublisher publisher, MessageCounts counts) {
        this.pacer = pacer;
        this.publisher = publisher;
        this.counts = counts;
    }

    @Override
    public void accept(Outgoing message) {
        // Reordered messages may go back in time; the clock never does.
        if (message.paceMillis() > lastPacedMillis) {
            pacer.awaitSimTime(message.paceMillis());
            lastPacedMillis = message.paceMillis();
        }
        publisher.publish(message);
        counts.add(message);
    }
}
