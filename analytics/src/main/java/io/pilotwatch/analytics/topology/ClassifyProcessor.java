package io.pilotwatch.analytics.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Classifies each decoded record before the repartition by plant, so that what crosses it is the compact
 * {@link Classified} form and the JSON is never parsed again, and tells whether the record already sits in its
 * plant's partition (then it need not cross at all).
 */
final class ClassifyProcessor implements FixedKeyProcessor<byte[], Decoded, ClassifyProcessor.Placed> {

    /** A classified record, and whether its input partition is the one {@link PlantPartitioner} gives its plant. */
    record Placed(Classified classified, boolean inPlantPartition) {
    }

    private final Classifier classifier;
    private final int inputPartitions;
    private FixedKeyProcessorContext<byte[], Placed> context;

    /** @param inputPartitions the partition count of the telemetry topic, which the repartition topic shares */
    ClassifyProcessor(Classifier classifier, int inputPartitions) {
        if (inputPartitions < 1) {
            throw new IllegalArgumentException("inputPartitions must be at least 1: " + inputPartitions);
        }
        this.classifier = classifier;
        this.inputPartitions = inputPartitions;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Placed> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], Decoded> record) {
        Decoded decoded = record.value();
        Classifier.Outcome outcome = classifier.classify(record.key(), decoded.result(), context.currentSystemTimeMs());
        boolean inPlace = context.recordMetadata().map(RecordMetadata::partition)
                .map(partition -> partition == PlantPartitioner.partitionOf(record.key(), inputPartitions))
                .orElse(false);
        context.forward(record.withValue(new Placed(new Classified(outcome, decoded.raw()), inPlace)));
    }
}
