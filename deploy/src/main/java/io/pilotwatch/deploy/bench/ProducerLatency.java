package io.pilotwatch.deploy.bench;

import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.ingest.forward.KafkaSender;
import io.pilotwatch.testkit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Point E0, the reference for "publish -> Kafka ack": what Kafka itself gives on this machine at the rate of the
 * listen-mode E point. A plain producer with the bridge's own settings ({@link KafkaSender#producerConfig} of a
 * default configuration: acks=all, idempotence, lz4, linger 5 ms), or with one of them changed, sends from one
 * thread (as the bridge's send thread) on a fixed schedule, the load generator's payloads keyed like its stations,
 * to a fresh topic of 3 partitions; the latency runs from the call to {@code send} to the acknowledgement's
 * callback. The bridge's publish -> PUBACK in listen mode includes this path and cannot be faster.
 *
 * @param lingerMs        the producer's linger.ms
 * @param targetPerSecond the paced rate
 * @param ackedPerSecond  records acknowledged per second over the measured window
 */
record ProducerLatency(int lingerMs, double targetPerSecond, double ackedPerSecond, double sendAckP50Millis,
                       double sendAckP99Millis, double sendAckMaxMillis) {

    /** Behind the schedule by more than this (a pause, a blocked send), restart it rather than burst. */
    private static final long MAX_BEHIND_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * One record to each partition of the new topic, one at a time. Several requests in flight to a partition the
     * broker has only just created can be reordered around its creation (the first refused with
     * NOT_LEADER_OR_FOLLOWER, the next accepted), after which the first is retried with OUT_OF_ORDER_SEQUENCE_NUMBER
     * until it expires (KAFKA-15591): a measurement of latency, not of that.
     */
    private static void awaitPartitionsWritable(Producer<byte[], byte[]> producer, String topic, byte[] key)
            throws Exception {
        int partitions = producer.partitionsFor(topic).size();
        for (int partition = 0; partition < partitions; partition++) {
            producer.send(new ProducerRecord<>(topic, partition, key, LoadGenerator.payload(0))).get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * @param linger   the producer's linger.ms, or null for the bridge's
     * @param keys     distinct record keys, {@code bench/l0} to {@code bench/l<keys-1>}, as the generator's stations
     */
    static ProducerLatency measure(KafkaBroker kafka, String topic, double rate, Integer linger, int keys,
                                   int warmupSeconds, int durationSeconds) throws Exception {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("E0 needs a positive rate, not " + rate);
        }
        kafka.createTopic(topic, 3);
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        values.put("ingest.mode", "listen");
        values.put("ingest.listen.anonymous", "true");
        values.put("ingest.bridge.id", "bench-e0");
        if (linger != null) {
            values.put("kafka.producer.linger.ms", linger.toString());
        }
        Map<String, Object> config = KafkaSender.producerConfig(IngestConfig.fromMap(values));
        // The bridge sends from its event loop with max.block.ms 0 after asking for the topics' metadata at start;
        // this producer sends from its own thread, so it may wait for the fresh topic's metadata instead.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        byte[][] keyBytes = new byte[keys][];
        for (int k = 0; k < keys; k++) {
            keyBytes[k] = ("bench/l" + k).getBytes(StandardCharsets.UTF_8);
        }
        Recorder latencyMicros = new Recorder(3);
        LongAdder acked = new LongAdder();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long intervalNanos = Math.round(1e9 / rate);
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            awaitPartitionsWritable(producer, topic, keyBytes[0]);
            long began = System.nanoTime();
            long measureFrom = began + TimeUnit.SECONDS.toNanos(warmupSeconds);
            long end = measureFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
            long ackedAtStart = -1;
            long next = began;
            long seq = 0;
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                if (ackedAtStart < 0 && now >= measureFrom) {
                    latencyMicros.getIntervalHistogram(); // the warm-up's latencies are dropped
                    ackedAtStart = acked.sum();
                }
                if (next - now > 0) {
                    LockSupport.parkNanos(next - now);
                    continue;
                } else if (now - next > MAX_BEHIND_NANOS) {
                    next = now;
                }
                next += intervalNanos;
                long sentAt = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, keyBytes[(int) (seq % keys)], LoadGenerator.payload(seq)),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                                return;
                            }
                            latencyMicros.recordValue(Math.max(1, (System.nanoTime() - sentAt) / 1_000));
                            acked.increment();
                        });
                seq++;
            }
            Histogram latency = latencyMicros.getIntervalHistogram();
            double ackedPerSecond = (acked.sum() - ackedAtStart) / (durationSeconds + 0.0);
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("E0: a send failed", failure.get());
            }
            return new ProducerLatency(Integer.parseInt(config.get(ProducerConfig.LINGER_MS_CONFIG).toString()), rate, ackedPerSecond,
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    latency.getMaxValue() / 1000.0);
        }
    }
}
