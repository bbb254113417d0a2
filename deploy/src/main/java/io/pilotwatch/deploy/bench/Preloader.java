package io.pilotwatch.deploy.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes the backlog with a plain producer tuned for bulk (lz4, large batches) and waits for every ack. */
final class Preloader {

    private Preloader() {
    }

    /** @return seconds from the first send to the last acknowledgement */
    static double preload(Map<String, Object> clientConfig, String topic, TelemetryMix mix, long records) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // One request at a time per broker: on a topic just created, several in flight can be reordered around the
        // partitions' creation and the first then fails for good with OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-15591; seen
        // as "19968 of 20000 records acknowledged"). The preload is not what is measured.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long began = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            mix.generate(records, (key, value) -> producer.send(new ProducerRecord<>(topic, key, value),
                    (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        } else {
                            acked.incrementAndGet();
                        }
                    }));
            producer.flush();
        }
        if (failure.get() != null || acked.get() != records) {
            throw new IllegalStateException("preload: " + acked.get() + " of " + records + " records acknowledged",
                    failure.get());
        }
        return (System.nanoTime() - began) / 1e9;
    }
}
