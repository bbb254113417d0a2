package io.pilotwatch.analytics.topology;

import io.pilotwatch.telemetry.DecodeResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from the payload ({@code completedAt} for units, {@code ts} otherwise), so that Kafka Streams'
 * stream time, the repartition topic's timestamps and the output records follow event time, not arrival.
 * The value is already decoded by {@link DecodedSerde}: nothing is parsed here.
 *
 * <p>A record the codec rejects keeps its broker timestamp (or the partition's time): it still has to reach
 * the DLQ, and a negative timestamp would make Kafka Streams skip it silently.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Decoded decoded && decoded.result() instanceof DecodeResult.Accepted accepted) {
            return EventTimes.of(accepted.event());
        }
        if (record.timestamp() >= 0) {
            return record.timestamp();
        }
        return Math.max(0, partitionTime);
    }
}
