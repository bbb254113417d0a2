package io.pilotwatch.simulator.faults;

import io.pilotwatch.simulator.publish.MessageSink;

/** A pipeline stage that passes time and flushes on to the next one. */
abstract class Stage implements MessageSink {

    final MessageSink next;

    Stage(MessageSink next) {
        this.next = next;
    }

    @Override
    public void advanceTo(long simMillis) {
        next.advanceTo(simMillis);
    }

    @Override
    public void flush() {
        next.flush();
    }
}
