package io.pilotwatch.deploy.bench;

import io.pilotwatch.analytics.topology.PlantPartitioner;
import io.pilotwatch.analytics.topology.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Point D0, the reference for the analytics throughput: how fast Kafka Streams itself gets through the same
 * backlog on the same broker, with the service's Streams settings ({@code StreamsSettings.of} of the
 * benchmark's service configuration: exactly_once_v2, its commit interval, the same stream threads), in
 * a topology that does nothing but count: (a) straight from the source; (b) after a repartition by plant
 * ({@link PlantPartitioner}, as the service's), so the cost of the repartition hop under exactly-once shows.
 * Nothing is decoded and there is no state: what the service takes beyond (b) is its own per-record work.
 * Done, as for the service, when the committed offsets equal the end offsets of every topic it reads.
 *
 * @param shape           which topology
 * @param streamThreads   Kafka Streams threads
 * @param startupSeconds  from {@code KafkaStreams.start} to RUNNING
 * @param totalSeconds    from start to every record committed
 * @param records         records on the input topic when it started
 * @param counted         records the counting processor saw (more than {@code records} only if a transaction
 *                        was aborted and its records processed again)
 */
record StreamsCeiling(Shape shape, int streamThreads, double startupSeconds, double totalSeconds, long records,
                      long counted) {

    /** The two reference topologies. */
    enum Shape {
        SOURCE_COUNT("D0a", "source -> count"),
        REPARTITION_COUNT("D0b", "source -> repartition by plant -> count");

        final String id;
        final String description;

        Shape(String id, String description) {
            this.id = id;
            this.description = description;
        }
    }

    private static final String REPARTITION_NAME = "d0-by-plant";

    double perSecond() {
        return records / totalSeconds;
    }

    double processingPerSecond() {
        return records / (totalSeconds - startupSeconds);
    }

    static StreamsCeiling run(Map<String, Object> clientConfig, String bootstrapServers, String topic, Shape shape,
                              int streamThreads) throws Exception {
        String applicationId = "bench-" + shape.id.toLowerCase(Locale.ROOT) + "-" + System.currentTimeMillis();
        Path stateDir = Files.createTempDirectory("analytics-bench-d0");
        LongAdder counted = new LongAdder();
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], byte[]> records = builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()));
        List<String> topics = List.of(topic);
        if (shape == Shape.REPARTITION_COUNT) {
            records = records.repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
                    .withStreamPartitioner(new ByPlant()).withName(REPARTITION_NAME));
            topics = List.of(topic, CommittedOffsets.repartitionTopic(applicationId, REPARTITION_NAME));
        }
        records.process(() -> new Count(counted), Named.as("count"));
        long onTopic = AnalyticsScaleOut.recordsOn(clientConfig, topic);
        try (CommittedOffsets offsets = new CommittedOffsets(clientConfig, applicationId, topics);
             KafkaStreams streams = new KafkaStreams(builder.build(), StreamsSettings.of(
                     AnalyticsRun.config(bootstrapServers, topic, applicationId, stateDir, streamThreads)))) {
            streams.setUncaughtExceptionHandler(e -> {
                System.err.println(shape.id + " failed: " + e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            long began = System.nanoTime();
            streams.start();
            double startup = offsets.awaitAllCommitted(streams::state, began, shape.id);
            return new StreamsCeiling(shape, streamThreads, startup, (System.nanoTime() - began) / 1e9, onTopic,
                    counted.sum());
        } finally {
            AnalyticsBenchmark.deleteRecursively(stateDir);
        }
    }

    String json() {
        return String.format(Locale.ROOT, "{\"topology\":\"%s\",\"streamThreads\":%d,\"startupSeconds\":%.3f,"
                        + "\"seconds\":%.3f,\"perSecond\":%.1f,\"processingPerSecond\":%.1f,\"records\":%d,\"counted\":%d}",
                shape.description, streamThreads, startupSeconds, totalSeconds, perSecond(), processingPerSecond(),
                records, counted);
    }

    /** The service's {@link PlantPartitioner} (the key's plant, murmur2) for the raw values D0 carries. */
    private static final class ByPlant implements StreamPartitioner<byte[], byte[]> {

        private final PlantPartitioner plant = new PlantPartitioner();

        @Override
        public Optional<Set<Integer>> partitions(String topic, byte[] key, byte[] value, Headers headers,
                                                 int numPartitions) {
            return plant.partitions(topic, key, null, headers, numPartitions);
        }

        /** Still abstract in Kafka 4.4 though deprecated: the same as the variant with headers. */
        @Override
        @Deprecated(forRemoval = true)
        @SuppressWarnings("removal")
        public Optional<Set<Integer>> partitions(String topic, byte[] key, byte[] value, int numPartitions) {
            return partitions(topic, key, value, null, numPartitions);
        }
    }

    /** Counts and forwards nothing. */
    private record Count(LongAdder counted) implements Processor<byte[], byte[], Void, Void> {
        @Override
        public void process(Record<byte[], byte[]> record) {
            counted.increment();
        }
    }
}
