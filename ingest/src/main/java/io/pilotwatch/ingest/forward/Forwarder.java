package io.pilotwatch.ingest.forward;

import io.pilotwatch.ingest.metrics.IngestMetrics;
import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import io.pilotwatch.telemetry.TopicAddress;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common pipeline of both modes: validate a message with the telemetry codec, write it to the
 * telemetry topic (valid) or the DLQ (invalid), and complete only once Kafka has acknowledged it.
 * A source acknowledges the MQTT message when, and only when, the returned future succeeds.
 *
 * <p>A failed Kafka send is retried with backoff for as long as the message is still wanted, so a Kafka
 * outage longer than the producer's delivery timeout never ends with a message acknowledged and lost,
 * nor with a message left unanswered while its connection lives.
 */
public final class Forwarder {

    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration MAX_RETRY = Duration.ofSeconds(10);
    /** The {@code error.reason} of a message whose record Kafka refused for good (the detail names the error). */
    public static final String KAFKA_REJECTED = "kafka_rejected";
    /** The {@code error.reason} of a message whose processing threw. */
    public static final String PROCESSING_ERROR = "processing_error";

    /** The message did not fit in the in-flight limits; nothing was taken. */
    public static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("in-flight limit reached", null, false, false);
        }
    }

    /** The message's connection closed while Kafka was failing; its sender will redeliver it. */
    public static final class Abandoned extends RuntimeException {
        Abandoned(Throwable cause) {
            super("connection closed before Kafka acknowledged; the sender will redeliver", cause, false, false);
        }
    }

    private final Vertx vertx;
    private final TelemetryCodec codec;
    private final KafkaSender sender;
    private final InflightLimiter inflight;
    private final IngestMetrics metrics;
    private final String telemetryTopic;
    private final String dlqTopic;
    private final String bridgeId;
    private final Clock clock;
    private final Optional<RecordTranslator> translator;
    private final ProduceHealth health;

    public Forwarder(Vertx vertx, TelemetryCodec codec, KafkaSender sender, InflightLimiter inflight,
                     IngestMetrics metrics, String telemetryTopic, String dlqTopic, String bridgeId, Clock clock) {
        this(vertx, codec, sender, inflight, metrics, telemetryTopic, dlqTopic, bridgeId, clock, Optional.empty());
    }

    /** @param translator reads the topics it {@linkplain RecordTranslator#handles handles} instead of the codec */
    public Forwarder(Vertx vertx, TelemetryCodec codec, KafkaSender sender, InflightLimiter inflight,
                     IngestMetrics metrics, String telemetryTopic, String dlqTopic, String bridgeId, Clock clock,
                     Optional<RecordTranslator> translator) {
        this(vertx, codec, sender, inflight, metrics, telemetryTopic, dlqTopic, bridgeId, clock, translator,
                new ProduceHealth(clock, Duration.ofSeconds(60)));
    }

    /** @param health told of every send's outcome; readiness reads it */
    public Forwarder(Vertx vertx, TelemetryCodec codec, KafkaSender sender, InflightLimiter inflight,
                     IngestMetrics metrics, String telemetryTopic, String dlqTopic, String bridgeId, Clock clock,
                     Optional<RecordTranslator> translator, ProduceHealth health) {
        this.health = health;
        this.translator = translator;
        this.vertx = vertx;
        this.codec = codec;
        this.sender = sender;
        this.inflight = inflight;
        this.metrics = metrics;
        this.telemetryTopic = telemetryTopic;
        this.dlqTopic = dlqTopic;
        this.bridgeId = bridgeId;
        this.clock = clock;
    }

    /**
     * Forwards one message. Must be called on a Vert.x context; the future completes on it.
     *
     * @return succeeds once Kafka acknowledged the telemetry or DLQ record; fails with {@link Overloaded}
     *     at once if the in-flight limits are full, or with {@link Abandoned} if the message stopped being
     *     wanted while Kafka failed
     */
    public Future<Void> forward(Inbound message) {
        int size = message.payload().length;
        if (!inflight.tryAcquire(size)) {
            return Future.failedFuture(new Overloaded());
        }
        Context context = Vertx.currentContext();
        List<Future<Void>> sends = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> record : recordsOrFailure(message)) {
            Promise<Void> sent = Promise.promise();
            sendUntilAcknowledged(record, message, context, 0, sent);
            sends.add(sent.future());
        }
        // join, not all: the in-flight room is given back only when no send of the message is still retrying.
        Future<Void> done = sends.size() == 1 ? sends.get(0) : Future.join(sends).mapEmpty();
        return done.andThen(result -> {
            inflight.release(size);
            if (result.succeeded()) {
                metrics.acknowledged(Duration.between(message.receivedAt(), clock.instant()));
            }
        });
    }

    /**
     * The message's records; if making them throws (a bug, or input no check foresaw), the message itself to the
     * DLQ as {@value #PROCESSING_ERROR}: the room taken for it is given back and the message answered like any
     * other, never left holding a slot of its sender's window.
     */
    private List<ProducerRecord<byte[], byte[]>> recordsOrFailure(Inbound message) {
        try {
            return toRecords(message);
        } catch (RuntimeException e) {
            LOG.warn("Could not process a message on {}, sending it to the DLQ as {}: {}", message.mqttTopic(),
                    PROCESSING_ERROR, e.toString());
            RecordHeaders headers = baseHeaders(message);
            headers.add(Headers.ERROR_REASON, utf8(PROCESSING_ERROR));
            headers.add(Headers.ERROR_DETAIL, utf8(clip(e.getClass().getName() + ": " + e.getMessage())));
            return List.of(new ProducerRecord<>(dlqTopic, null, (byte[]) null, dlqValue(message.payload()), headers));
        }
    }

    private List<ProducerRecord<byte[], byte[]>> toRecords(Inbound message) {
        if (translator.isPresent() && translator.get().handles(message.mqttTopic())) {
            return translator.get().toRecords(message, () -> baseHeaders(message));
        }
        return List.of(toRecord(message));
    }

    private RecordHeaders baseHeaders(Inbound message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.MQTT_TOPIC, utf8(message.mqttTopic()));
        headers.add(Headers.MQTT_QOS, utf8(Integer.toString(message.qos())));
        headers.add(Headers.BRIDGE_ID, utf8(bridgeId));
        message.client().ifPresent(client -> headers.add(Headers.MQTT_CLIENT, utf8(client)));
        return headers;
    }

    private ProducerRecord<byte[], byte[]> toRecord(Inbound message) {
        RecordHeaders headers = baseHeaders(message);
        DecodeResult result = codec.decode(message.mqttTopic(), message.payload());
        if (result instanceof DecodeResult.Accepted accepted) {
            TelemetryEvent event = accepted.event().withReceivedAt(message.receivedAt());
            metrics.eventLag(Duration.between(event.ts(), message.receivedAt()));
            return new ProducerRecord<>(telemetryTopic, null, utf8(event.station().kafkaKey()),
                    codec.encodeNormalized(event), headers);
        }
        DecodeResult.Rejected rejected = (DecodeResult.Rejected) result;
        headers.add(Headers.ERROR_REASON, utf8(rejected.reason().wireName()));
        headers.add(Headers.ERROR_DETAIL, utf8(rejected.detail()));
        byte[] key = TopicAddress.tryParse(message.mqttTopic()).map(a -> utf8(a.station().kafkaKey())).orElse(null);
        return new ProducerRecord<>(dlqTopic, null, key, dlqValue(message.payload()), headers);
    }

    /**
     * A payload larger than the limit may exceed what Kafka takes in one record (max.request.size, 1 MiB by
     * default): it would fail for good. Its first bytes identify it.
     */
    private byte[] dlqValue(byte[] payload) {
        return payload.length > codec.maxPayloadBytes() ? Arrays.copyOf(payload, codec.maxPayloadBytes()) : payload;
    }

    private void sendUntilAcknowledged(ProducerRecord<byte[], byte[]> record, Inbound message, Context context,
                                       int attempt, Promise<Void> done) {
        health.sendStarted();
        Future<?> sent;
        try {
            sent = sender.send(record, context);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e); // answered like any failed send: retried, or to the DLQ if permanent
        }
        sent.onComplete(result -> {
            if (result.succeeded()) {
                health.sendSucceeded(record.topic());
                countDelivered(record);
                done.complete();
                return;
            }
            health.sendFailed();
            if (KafkaErrors.isPermanent(result.cause()) && !record.topic().equals(dlqTopic)) {
                // Kafka will never take this record (too large, not authorized, invalid topic): the message's
                // problem as far as this topic goes, so it goes to the DLQ, and is acknowledged once there.
                LOG.warn("Kafka refused a record for {} for good, sending the message to the DLQ as {}: {}",
                        record.topic(), KAFKA_REJECTED, KafkaErrors.describe(result.cause()));
                sendUntilAcknowledged(refused(record, message, result.cause()), message, context, 0, done);
            } else if (!message.stillWanted().getAsBoolean()) {
                done.fail(new Abandoned(result.cause()));
            } else {
                metrics.kafkaRetry();
                long delay = retryDelay(attempt).toMillis();
                if (KafkaErrors.isPermanent(result.cause())) {
                    // Not even the DLQ takes it: readiness DOWN, one ERROR per cause rather than a WARN per attempt.
                    health.cannotWrite(record.topic(), result.cause());
                } else {
                    LOG.warn("Kafka send to {} failed (attempt {}), retrying in {} ms: {}", record.topic(),
                            attempt + 1, delay, result.cause().toString());
                }
                vertx.setTimer(delay, id -> sendUntilAcknowledged(record, message, context, attempt + 1, done));
            }
        });
    }

    private void countDelivered(ProducerRecord<byte[], byte[]> record) {
        if (record.topic().equals(telemetryTopic)) {
            metrics.forwarded();
        } else {
            metrics.rejected(new String(record.headers().lastHeader(Headers.ERROR_REASON).value(),
                    StandardCharsets.UTF_8));
        }
    }

    /** The DLQ record of a message whose {@code record} Kafka refused for good. */
    private ProducerRecord<byte[], byte[]> refused(ProducerRecord<byte[], byte[]> record, Inbound message,
                                                   Throwable error) {
        RecordHeaders headers = baseHeaders(message);
        headers.add(Headers.ERROR_REASON, utf8(KAFKA_REJECTED));
        headers.add(Headers.ERROR_DETAIL, utf8(clip(record.topic() + " refused the record: "
                + KafkaErrors.describe(error))));
        return new ProducerRecord<>(dlqTopic, null, record.key(), dlqValue(message.payload()), headers);
    }

    private static String clip(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static Duration retryDelay(int attempt) {
        long millis = FIRST_RETRY.toMillis() << Math.min(attempt, 10);
        return Duration.ofMillis(Math.min(millis, MAX_RETRY.toMillis()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
