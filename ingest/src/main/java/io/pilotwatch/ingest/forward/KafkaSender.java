package io.pilotwatch.ingest.forward;

import io.pilotwatch.ingest.config.IngestConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends records with a Kafka producer straight from the caller's thread, the Vert.x event loop, which it never
 * blocks: the producer is built with {@code max.block.ms=0}, so a send that would have to wait (the topic's
 * metadata not known yet, for example while Kafka is away, or the producer's buffer full) fails at once with a
 * {@link TimeoutException} instead, and the caller retries it. The outcome is handed back to the caller's context.
 *
 * <p>Sending from the event loop, rather than through a thread of its own, saves a thread hop and a wake-up
 * per message: on a machine whose cores are busy, every hop waits for a core.
 */
public final class KafkaSender implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;

    /** @param producer the producer to use, built with {@code max.block.ms=0}; closed by {@link #close()} */
    public KafkaSender(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /**
     * The producer settings: safe defaults first, then every {@code kafka.producer.*} key untouched, except the
     * serializers and {@code max.block.ms}, which the bridge fixes.
     */
    public static Map<String, Object> producerConfig(IngestConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "pilotwatch-ingest-" + config.bridgeId());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // A plant's records in one partition: the analytics then needs no repartition topic for them. By line,
        // Kafka's own partitioner hashes the whole {plant}/{line} key.
        if (config.kafka().partitionBy() == IngestConfig.PartitionBy.PLANT) {
            props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, PlantPartitioner.class.getName());
        }
        props.putAll(config.kafka().producer());
        // send() runs on the event loop: rather than wait for metadata or buffer space, it fails and is retried.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "0");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /** A sender with a new {@link KafkaProducer} built from the configuration. */
    public static KafkaSender create(IngestConfig config) {
        return new KafkaSender(new KafkaProducer<>(producerConfig(config)));
    }

    /** The producer, for metrics binders. */
    public Producer<byte[], byte[]> producer() {
        return producer;
    }

    /**
     * Asks for the topics' metadata without waiting for it, so that the first sends need not fail for the lack of
     * it; also keeps the producer from forgetting a topic that has seen no record for {@code metadata.max.idle.ms}
     * (five minutes by default: the DLQ, typically). Never blocks.
     */
    public void refreshMetadata(String... topics) {
        for (String topic : topics) {
            try {
                producer.partitionsFor(topic);
            } catch (KafkaException e) {
                // Not known yet (a TimeoutException): the request for it is on its way. Other errors, such as a
                // topic the bridge may not write, are the sends' to report.
            }
        }
    }

    /**
     * Sends one record without blocking.
     *
     * @return a future completed on {@code context} with the record's metadata once Kafka acknowledged it, or failed
     *     with the producer's exception: a {@link TimeoutException} at once if the send would have had to wait,
     *     later for example a delivery timeout while Kafka is down
     */
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Context context) {
        Promise<RecordMetadata> promise = Promise.promise();
        try {
            // The callback runs on the producer's I/O thread, or on this thread when the send fails at once.
            producer.send(record, (metadata, error) -> context.runOnContext(v -> {
                if (error == null) {
                    promise.complete(metadata);
                } else {
                    promise.fail(error);
                }
            }));
        } catch (RuntimeException e) {
            promise.fail(e); // the producer is closed, for example
        }
        return promise.future();
    }

    /** Waits up to 30 s for records in the producer to be sent, then closes it. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** Closes after waiting up to {@code timeout} for buffered records. */
    public void close(Duration timeout) {
        producer.close(timeout);
    }
}
