package io.pilotwatch.analytics.topology;

import io.pilotwatch.telemetry.DecodeResult;
import java.time.Duration;
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

    private final long maxFutureSkewMillis;

    /**
     * @param maxFutureSkew how far ahead of the wall clock an event time may be (the Classifier rejects what is further
     *                      ahead); such an event keeps its broker timestamp instead. Kafka refuses a record more than
     *                      {@code log.message.timestamp.after.max.ms} (1 h by default) ahead, and a refused DLQ or
     *                      repartition write stopped Kafka Streams: one device with its clock in 2029 stopped the
     *                      analytics (found by HostileSparkplugIT). A far-future time would also drag stream time.
     */
    public EventTimeExtractor(Duration maxFutureSkew) {
        this.maxFutureSkewMillis = maxFutureSkew.toMillis();
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Decoded decoded && decoded.result() instanceof DecodeResult.Accepted accepted) {
            long eventTime = EventTimes.of(accepted.event());
            if (eventTime <= System.currentTimeMillis() + maxFutureSkewMillis) {
                return eventTime;
            }
        }
        if (record.timestamp() >= 0) {
            return record.timestamp();
        }
        return Math.max(0, partitionTime);
    }
}
