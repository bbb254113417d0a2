package io.pilotwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotwatch.simulator.faults.FaultSettings;
import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.simulator.publish.Outgoing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same scenario, options and seed give the same bytes; faults never change the truth. */
class DeterminismTest {

    /** Ten days of the default scenario: about 3,000 messages, every kind. */
    private static final String FROM = "2017-02-20";
    private static final String UNTIL = "2017-03-02";
    private static final FaultSettings ALL_FAULTS = new FaultSettings(5, 7, 3, Duration.ofMinutes(30), 4,
            Optional.empty());

    @TempDir
    Path dir;

    @Test
    void sameSeedPublishesTheSameBytesInTheSameOrder() {
        List<Outgoing> first = run(42, FaultSettings.NONE, "a").published();
        List<Outgoing> second = run(42, FaultSettings.NONE, "b").published();
        assertThat(first).hasSizeGreaterThan(2_000);
        assertSameMessages(first, second);
    }

    @Test
    void differentSeedPublishesDifferentMessages() {
        List<Outgoing> first = run(42, FaultSettings.NONE, "a").published();
        List<Outgoing> second = run(43, FaultSettings.NONE, "b").published();
        assertThat(first.size() == second.size() && allEqual(first, second)).isFalse();
    }

    @Test
    void faultsAreDeterministicToo() {
        assertSameMessages(run(42, ALL_FAULTS, "a").published(), run(42, ALL_FAULTS, "b").published());
    }

    @Test
    void faultInjectionDoesNotChangeTheRealMessagesOrTheTruth() {
        TestRuns.Result clean = run(42, FaultSettings.NONE, "clean");
        TestRuns.Result faulty = run(42, ALL_FAULTS, "faulty");
        List<Outgoing> faultyReal = faulty.published().stream().filter(m -> m.origin() == Origin.REAL).toList();
        assertThat(faultyReal).hasSameSizeAs(clean.published());
        // Reordering and late delivery change the order, never the content.
        assertThat(faultyReal.stream().map(DeterminismTest::key).sorted().toList())
                .isEqualTo(clean.published().stream().map(DeterminismTest::key).sorted().toList());
        assertThat(withoutRunFields(faulty.truth())).isEqualTo(withoutRunFields(clean.truth()));
        assertThat(faulty.truth().at("/messages/real")).isEqualTo(clean.truth().at("/messages/real"));
    }

    @Test
    void duplicatesResendTheSameBytesOfAnEarlierRealMessage() {
        FaultSettings duplicatesOnly = new FaultSettings(10, 0, 0, Duration.ofMinutes(1), 0, Optional.empty());
        List<Outgoing> published = run(42, duplicatesOnly, "dup").published();
        long duplicates = 0;
        for (int i = 0; i < published.size(); i++) {
            Outgoing message = published.get(i);
            if (message.origin() == Origin.DUPLICATE) {
                duplicates++;
                Outgoing original = published.get(i - 1);
                assertThat(original.origin()).isEqualTo(Origin.REAL);
                assertThat(message.topic()).isEqualTo(original.topic());
                assertThat(message.payload()).isEqualTo(original.payload());
                assertThat(message.retained()).isEqualTo(original.retained());
            }
        }
        long real = published.stream().filter(m -> m.origin() == Origin.REAL).count();
        assertThat(duplicates).isBetween(real / 20, real / 5); // about 10%
    }

    private TestRuns.Result run(long seed, FaultSettings faults, String name) {
        return TestRuns.run(TestRuns.options("default", FROM, UNTIL, seed, faults, dir.resolve(name + ".json")));
    }

    private static String key(Outgoing message) {
        return message.topic() + " " + new String(message.payload(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode withoutRunFields(JsonNode truth) {
        ObjectNode copy = truth.deepCopy();
        copy.remove("faults");
        copy.remove("messages");
        return copy;
    }

    private static void assertSameMessages(List<Outgoing> first, List<Outgoing> second) {
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).topic()).as("topic of message %d", i).isEqualTo(first.get(i).topic());
            assertThat(second.get(i).payload()).as("payload of message %d", i).isEqualTo(first.get(i).payload());
            assertThat(second.get(i).origin()).as("origin of message %d", i).isEqualTo(first.get(i).origin());
        }
    }

    private static boolean allEqual(List<Outgoing> first, List<Outgoing> second) {
        for (int i = 0; i < first.size(); i++) {
            if (!Arrays.equals(first.get(i).payload(), second.get(i).payload())) {
                return false;
            }
        }
        return true;
    }
}
