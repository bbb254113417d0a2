package io.pilotwatch.ingest.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/** When the produce path counts as unable to produce, on a clock the test moves. */
class ProduceHealthTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ProduceHealth health = new ProduceHealth(clock, Duration.ofSeconds(60));

    @Test
    void sendsPendingWithoutASuccessForTheStallTimeoutMeanCannotProduce() {
        now = now.plusSeconds(3600); // idle for an hour: nothing pending, nothing stalled
        assertThat(health.canProduce()).isTrue();
        health.sendStarted();
        now = now.plusSeconds(60);
        assertThat(health.canProduce()).as("exactly the timeout").isTrue();
        now = now.plusMillis(1);
        assertThat(health.canProduce()).isFalse();

        health.sendSucceeded("telemetry");

        assertThat(health.canProduce()).isTrue();
        assertThat(health.pending()).isZero();
    }

    @Test
    void aTopicRefusingForGoodMeansCannotProduceUntilAWriteToItSucceeds() {
        health.sendStarted();
        health.sendFailed();
        health.cannotWrite("dlq", new RecordTooLargeException("too large"));
        assertThat(health.canProduce()).isFalse();

        health.sendStarted();
        health.sendSucceeded("telemetry");
        assertThat(health.canProduce()).as("another topic's success does not clear it").isFalse();
        health.sendStarted();
        health.sendSucceeded("dlq");
        assertThat(health.canProduce()).isTrue();
    }
}
