package io.pilotwatch.simulator;

import io.pilotwatch.simulator.publish.MessagePublisher;
import io.pilotwatch.simulator.publish.Outgoing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every published message in order, instead of sending it. */
public final class RecordingPublisher implements MessagePublisher {

    private final List<Outgoing> published = new ArrayList<>();

    public List<Outgoing> published() {
        return published;
    }

    @Override
    public void connect() {
    }

    @Override
    public void publish(Outgoing message) {
        published.add(message);
    }

    @Override
    public void drain(Duration timeout) {
    }

    @Override
    public long connectionLosses() {
        return 0;
    }

    @Override
    public long resent() {
        return 0;
    }

    @Override
    public void close() {
    }
}
