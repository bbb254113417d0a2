package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.store.StoreNames;
import io.pilotwatch.telemetry.Headers;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one record from stopping the analytics: an exception while the telemetry processor works on a record
 * would shut Kafka Streams down, and with exactly-once the same record comes first again after the restart, a
 * crash loop. Instead that record goes to the DLQ as it came, with {@code error.reason} {@value #REASON} and the
 * exception's class and message as {@code error.detail}, is counted among the plant's rejected records, is logged
 * once at WARN, and the next record is processed.
 *
 * <p>Kafka's own exceptions (a fenced producer, a migrated task, a broken state store) are not the record's
 * fault and pass through: Kafka Streams must handle them to keep exactly-once. What the processor had already
 * changed for the record before it threw stays (for example, its id counts as seen).
 */
final class RecordGuard implements Processor<byte[], Classified, byte[], byte[]> {

    /** The {@code error.reason} of a record whose processing threw. */
    static final String REASON = "processing_error";

    private static final Logger LOG = LoggerFactory.getLogger(RecordGuard.class);
    private static final int MAX_DETAIL = 300;

    private final Processor<byte[], Classified, byte[], byte[]> processor;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, PlantRecord> plants;

    RecordGuard(Processor<byte[], Classified, byte[], byte[]> processor) {
        this.processor = processor;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        plants = context.getStateStore(StoreNames.PLANTS);
        processor.init(context);
    }

    @Override
    public void process(Record<byte[], Classified> record) {
        try {
            processor.process(record);
        } catch (KafkaException kafkaFault) {
            throw kafkaFault;
        } catch (RuntimeException e) {
            deadLetter(record, e);
        }
    }

    private void deadLetter(Record<byte[], Classified> record, RuntimeException e) {
        String plant = LineKey.parse(record.key()).map(LineKey::plant).orElse(PlantRecord.UNKNOWN_PLANT);
        String detail = clip(e.getClass().getName() + ": " + e.getMessage());
        String where = context.recordMetadata().map(RecordGuard::describe).orElse("unknown offset");
        LOG.warn("Processing a record of plant {} ({}) failed, sent to the DLQ as {}: {}", plant, where, REASON,
                detail);
        LOG.debug("The failure's stack trace", e);
        PlantRecord state = plants.get(plant);
        state = state == null ? new PlantRecord() : state;
        state.rejected(REASON);
        plants.put(plant, state);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(Headers.ERROR_REASON);
        headers.remove(Headers.ERROR_DETAIL);
        headers.add(Headers.ERROR_REASON, REASON.getBytes(StandardCharsets.UTF_8));
        headers.add(Headers.ERROR_DETAIL, detail.getBytes(StandardCharsets.UTF_8));
        byte[] key = record.key() != null && record.key().length == 0 ? null : record.key();
        context.forward(new Record<>(key, record.value().raw(), record.timestamp(), headers),
                AnalyticsTopology.DLQ_SINK);
    }

    private static String describe(RecordMetadata metadata) {
        return metadata.topic() + "-" + metadata.partition() + " offset " + metadata.offset();
    }

    private static String clip(String text) {
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }

    @Override
    public void close() {
        processor.close();
    }
}
