package io.pilotwatch.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.simulator.publish.MessageSink;
import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.simulator.publish.Outgoing;
import io.pilotwatch.simulator.sim.Seeds;
import io.pilotwatch.telemetry.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultStagesTest {

    private final List<Outgoing> out = new ArrayList<>();
    private final MessageSink collector = out::add;

    @Test
    void reorderingShufflesWithinWindowsAndLosesNothing() {
        Reorderer reorderer = new Reorderer(collector, 5, Seeds.stream(1, "test"));
        List<Outgoing> in = messages(12);
        in.forEach(reorderer::accept);
        assertThat(out).as("two full windows released, two messages held").hasSize(10);
        assertThat(out.subList(0, 5)).containsExactlyInAnyOrderElementsOf(in.subList(0, 5)).isNotEqualTo(in.subList(0, 5));
        assertThat(out.subList(5, 10)).containsExactlyInAnyOrderElementsOf(in.subList(5, 10));
        reorderer.flush();
        assertThat(out).containsExactlyInAnyOrderElementsOf(in);
    }

    @Test
    void lateMessagesKeepTheirEventTimeAndComeOutAfterTheDelay() {
        LateDelivery late = new LateDelivery(collector, 100, 60_000, Seeds.stream(1, "test"));
        Outgoing message = messages(1).get(0);
        late.accept(message);
        late.advanceTo(message.eventMillis() + 59_999);
        assertThat(out).isEmpty();
        late.advanceTo(message.eventMillis() + 60_000);
        assertThat(out).singleElement().satisfies(released -> {
            assertThat(released.eventMillis()).isEqualTo(message.eventMillis());
            assertThat(released.paceMillis()).isEqualTo(message.eventMillis() + 60_000);
            assertThat(released.payload()).isEqualTo(message.payload());
        });
    }

    @Test
    void flushReleasesEverythingHeldBack() {
        LateDelivery late = new LateDelivery(collector, 100, 3_600_000, Seeds.stream(1, "test"));
        messages(3).forEach(late::accept);
        assertThat(out).isEmpty();
        late.flush();
        assertThat(out).hasSize(3);
    }

    @Test
    void malformedPayloadsAreAddedNeverReplacing() {
        MalformedInjector injector = new MalformedInjector(collector, 100, Seeds.stream(1, "test"));
        Outgoing real = messages(1).get(0);
        injector.accept(real);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isSameAs(real);
        assertThat(out.get(1).origin()).isEqualTo(Origin.MALFORMED);
        assertThat(out.get(1).topic()).isEqualTo(real.topic());
        assertThat(out.get(1).retained()).isFalse();
    }

    private static List<Outgoing> messages(int count) {
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String json = "{\"seq\":" + i + ",\"boot\":1,\"ts\":\"2025-01-01T00:00:00Z\",\"state\":\"running\"}";
            messages.add(new Outgoing("factory/v1/p/l/s/state", json.getBytes(StandardCharsets.UTF_8), false,
                    Kind.STATE, 0, Origin.REAL, 1_735_689_600_000L + i * 1000L, 1_735_689_600_000L + i * 1000L));
        }
        return messages;
    }
}
