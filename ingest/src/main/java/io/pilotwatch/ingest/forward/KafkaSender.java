package io.pilotwatch.ingest.forward;

import io.pilotwatch.ingest.config.IngestConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends records with a Kafka producer without ever blocking the Vert.x event loop:
 * {@link Producer#send} can block (waiting for metadata while Kafka is down, or for buffer space),
 * so it runs on one dedicated thread, and its outcome is handed back to the caller's context.
 */
public final class KafkaSender implements AutoCloseable {

    /** After a send blocked until max.block.ms (Kafka unreachable), fail queued sends fast for this long. */
    private static final long FAST_FAIL_NANOS = 1_000_000_000L;

    private final Producer<byte[], byte[]> producer;
    private final ExecutorService sendThread;
    private volatile long fastFailUntil = System.nanoTime();
    private volatile RuntimeException lastBlockingFailure;

    /**
     * @param producer  the producer to use; closed by {@link #close()}
     * @param maxQueued how many sends may wait for the send thread; the in-flight limit keeps it below this
     */
    public KafkaSender(Producer<byte[], byte[]> producer, int maxQueued) {
        this.producer = producer;
        this.sendThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(maxQueued), runnable -> {
                    Thread thread = new Thread(runnable, "kafka-send");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The producer settings: safe defaults first, then every {@code kafka.producer.*} key untouched. */
    public static Map<String, Object> producerConfig(IngestConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "pilotwatch-ingest-" + config.bridgeId());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // send() waits this long for metadata while Kafka is away; the bridge retries, so keep it short.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        // A plant's records in one partition: the analytics then needs no repartition topic for them.
        props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, PlantPartitioner.class.getName());
        props.putAll(config.kafka().producer());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /** A sender with a new {@link KafkaProducer} built from the configuration. */
    public static KafkaSender create(IngestConfig config) {
        return new KafkaSender(new KafkaProducer<>(producerConfig(config)), config.limits().maxInflightMessages() + 16);
    }

    /** The producer, for metrics binders. */
    public Producer<byte[], byte[]> producer() {
        return producer;
    }

    /**
     * Sends one record.
     *
     * @return a future completed on {@code context} with the record's metadata once Kafka acknowledged it,
     *     or failed with the producer's exception (for example a delivery timeout while Kafka is down)
     */
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Context context) {
        Promise<RecordMetadata> promise = Promise.promise();
        try {
            sendThread.execute(() -> {
                RuntimeException recent = lastBlockingFailure;
                if (recent != null && System.nanoTime() - fastFailUntil < 0) {
                    // Every queued send would block for max.block.ms again: fail them now, they are retried.
                    context.runOnContext(v -> promise.fail(recent));
                    return;
                }
                try {
                    producer.send(record, (metadata, error) -> context.runOnContext(v -> {
                        if (error == null) {
                            promise.complete(metadata);
                        } else {
                            promise.fail(error);
                        }
                    }));
                } catch (RuntimeException e) {
                    if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
                        lastBlockingFailure = e;
                        fastFailUntil = System.nanoTime() + FAST_FAIL_NANOS;
                    }
                    context.runOnContext(v -> promise.fail(e));
                }
            });
        } catch (RejectedExecutionException e) {
            promise.fail(e);
        }
        return promise.future();
    }

    /** Waits up to {@code timeout} for records in the producer to be sent, then closes it. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** Closes after waiting up to {@code timeout} for buffered records. */
    public void close(Duration timeout) {
        sendThread.shutdown();
        try {
            if (!sendThread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                sendThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(timeout);
    }
}
