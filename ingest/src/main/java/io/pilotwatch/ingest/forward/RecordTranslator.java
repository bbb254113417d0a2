package io.pilotwatch.ingest.forward;

import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns messages of another wire format than the JSON contract into records: any number of normalized events
 * and at most one DLQ record per message (Sparkplug B: one DDATA can carry several events). The message is
 * acknowledged once Kafka has all of them; with none, at once.
 */
public interface RecordTranslator {

    /** True if this translator, not the JSON codec, reads messages of {@code mqttTopic}. */
    boolean handles(String mqttTopic);

    /**
     * @param headers fresh headers with the MQTT topic, QoS, bridge and client, one set per record
     * @return the records, in the order they must reach Kafka; never throws
     */
    List<ProducerRecord<byte[], byte[]>> toRecords(Inbound message, Supplier<RecordHeaders> headers);
}
