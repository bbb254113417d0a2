package io.pilotwatch.analytics.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Classifies each decoded record before the repartition by plant, so that what crosses it is the compact
 * {@link Classified} form and the JSON is never parsed again.
 */
final class ClassifyProcessor implements FixedKeyProcessor<byte[], Decoded, Classified> {

    private final Classifier classifier;
    private FixedKeyProcessorContext<byte[], Classified> context;

    ClassifyProcessor(Classifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Classified> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], Decoded> record) {
        Decoded decoded = record.value();
        Classifier.Outcome outcome = classifier.classify(record.key(), decoded.result(), context.currentSystemTimeMs());
        context.forward(record.withValue(new Classified(outcome, decoded.raw())));
    }
}
