package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.TelemetryCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Event time, except for an event further ahead than the future skew: that one keeps its broker timestamp, which
 * Kafka accepts for the DLQ record it becomes. Seen failing before the skew bound: the extractor returned 2029's time.
 */
class EventTimeExtractorTest {

    private static final TelemetryCodec CODEC = new TelemetryCodec();
    private final EventTimeExtractor extractor = new EventTimeExtractor(Duration.ofMinutes(60));

    @Test
    void anEventInThePastKeepsItsEventTime() {
        long eventTime = 1_740_787_200_000L; // 2025-03-01T00:00:00Z
        assertThat(extractor.extract(record(eventTime, 1_800_000_000_000L), -1)).isEqualTo(eventTime);
    }

    @Test
    void anEventFurtherAheadThanTheSkewKeepsItsBrokerTimestamp() {
        long brokerTime = System.currentTimeMillis();
        long twoHoursAhead = brokerTime + Duration.ofHours(2).toMillis();
        assertThat(extractor.extract(record(twoHoursAhead, brokerTime), -1)).isEqualTo(brokerTime);
    }

    @Test
    void anEventWithinTheSkewKeepsItsEventTime() {
        long brokerTime = System.currentTimeMillis();
        long halfAnHourAhead = brokerTime + Duration.ofMinutes(30).toMillis();
        assertThat(extractor.extract(record(halfAnHourAhead, brokerTime), -1)).isEqualTo(halfAnHourAhead);
    }

    private static ConsumerRecord<Object, Object> record(long eventTime, long brokerTime) {
        byte[] raw = ("{\"seq\":1,\"ts\":" + eventTime + ",\"state\":\"idle\"}").getBytes(StandardCharsets.UTF_8);
        DecodeResult result = CODEC.decode("factory/v1/p1/l1/s1/state", raw);
        assertThat(result).isInstanceOf(DecodeResult.Accepted.class);
        return new ConsumerRecord<>("t", 0, 0, brokerTime, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0, 0, null, new Decoded(result, raw), new org.apache.kafka.common.header.internals.RecordHeaders(),
                java.util.Optional.empty());
    }
}
