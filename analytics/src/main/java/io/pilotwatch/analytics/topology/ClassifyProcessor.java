package io.pilotwatch.analytics.topology;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Classifies each decoded record before the repartition by plant, so that what crosses it is the compact
 * {@link Classified} form and the JSON is never parsed again, and sends it on by where it sits: a record already
 * in its plant's partition goes straight to the telemetry processor ({@link AnalyticsTopology#BY_PLANT}), any
 * other to the repartition topic ({@link AnalyticsTopology#TO_PLANT_PARTITION}). Forwarding to the child by name
 * saves Kafka Streams a branch and a mapping node per record.
 */
final class ClassifyProcessor implements FixedKeyProcessor<byte[], Decoded, Classified> {

    private final Classifier classifier;
    private final int inputPartitions;
    private FixedKeyProcessorContext<byte[], Classified> context;

    /** @param inputPartitions the partition count of the telemetry topic, which the repartition topic shares */
    ClassifyProcessor(Classifier classifier, int inputPartitions) {
        if (inputPartitions < 1) {
            throw new IllegalArgumentException("inputPartitions must be at least 1: " + inputPartitions);
        }
        this.classifier = classifier;
        this.inputPartitions = inputPartitions;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Classified> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], Decoded> record) {
        Decoded decoded = record.value();
        Classifier.Outcome outcome = classifier.classify(record.key(), decoded.result(), context.currentSystemTimeMs());
        String child = inPlantPartition(record.key()) ? AnalyticsTopology.BY_PLANT : AnalyticsTopology.TO_PLANT_PARTITION;
        context.forward(record.withValue(new Classified(outcome, decoded.raw())), child);
    }

    /** Whether the record's input partition is the one {@link PlantPartitioner} gives its plant. */
    private boolean inPlantPartition(byte[] key) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        return metadata.isPresent() && metadata.get().partition() == PlantPartitioner.partitionOf(key, inputPartitions);
    }
}
