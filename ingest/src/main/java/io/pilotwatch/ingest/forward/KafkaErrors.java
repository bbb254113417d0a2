package io.pilotwatch.ingest.forward;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownProducerIdException;

/** Which failed sends no retry can fix. */
final class KafkaErrors {

    private KafkaErrors() {
    }

    /**
     * True for an error Kafka returned about the record or the bridge's rights that it will return again, such as
     * {@code RecordTooLargeException}, {@code TopicAuthorizationException} or {@code InvalidTopicException}: an
     * {@link ApiException} that is not a {@link RetriableException}. The idempotent producer's own sequence and
     * epoch errors are left out: the producer recovers from them, and the record is not at fault. Everything else
     * (timeouts, a lost leader, a closed producer) may pass and is retried.
     */
    static boolean isPermanent(Throwable error) {
        return error instanceof ApiException
                && !(error instanceof RetriableException)
                && !(error instanceof OutOfOrderSequenceException)
                && !(error instanceof UnknownProducerIdException)
                && !(error instanceof InvalidProducerEpochException)
                && !(error instanceof ProducerFencedException);
    }

    /** The error as a DLQ detail or log text: its class's simple name and its message. */
    static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
