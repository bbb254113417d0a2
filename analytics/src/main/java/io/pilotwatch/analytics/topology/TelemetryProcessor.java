package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.baseline.BaselineKeeper;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.kpi.ClosedFigures;
import io.pilotwatch.analytics.kpi.FinalPeriods;
import io.pilotwatch.analytics.kpi.FiguresCalculator;
import io.pilotwatch.analytics.kpi.Lateness;
import io.pilotwatch.analytics.kpi.PlantCalendar;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.kpi.Scope;
import io.pilotwatch.analytics.store.JsonSerde;
import io.pilotwatch.analytics.store.StoreKpiData;
import io.pilotwatch.analytics.store.StoreNames;
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.telemetry.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one stateful step, per plant (records arrive partitioned by plant, already decoded and classified):
 * drop duplicates, count late events (on the line's own clock) and keep them on the DLQ with reason
 * {@code late}, add the rest to the KPI state, freeze baselines once the plant's watermark allows, and publish
 * KPI snapshots on a wall-clock schedule. Records that could not be used go to the DLQ with the reason.
 */
final class TelemetryProcessor implements Processor<byte[], Classified, byte[], byte[]> {

    /** The {@code error.reason} of a late event on the DLQ: not invalid, but too late for its month. */
    static final String LATE_REASON = "late";

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryProcessor.class);

    private static final JsonSerde<Baseline> BASELINE_SERDE = new JsonSerde<>(Baseline.class);

    private final AnalyticsConfig config;
    private final ClosedFigures closed;
    private final Duration grace;
    /** The watermark day last acted on per plant; after a restart each plant acts once more (idempotent). */
    private final Map<String, LocalDate> watermarkDays = new HashMap<>();
    private final Map<String, PlantCalendar> calendars = new HashMap<>();
    private final Map<String, FinalPeriods> finalPeriods = new HashMap<>();
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, PlantRecord> plants;
    private Deduplicator deduplicator;
    private EventApplier applier;
    private BaselineKeeper baselines;
    private KpiPublisher publisher;

    /** @param closed the figures of closed months, shared with every other scorecard builder of the service */
    TelemetryProcessor(AnalyticsConfig config, ClosedFigures closed) {
        this.config = config;
        this.closed = closed;
        this.grace = config.processing().grace();
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        plants = context.getStateStore(StoreNames.PLANTS);
        KeyValueStore<String, Baseline> baselineStore = context.getStateStore(StoreNames.BASELINES);
        StoreKpiData data = new StoreKpiData(plants, context.getStateStore(StoreNames.DAYS),
                context.getStateStore(StoreNames.SKETCHES), context.getStateStore(StoreNames.STATIONS), baselineStore);
        deduplicator = new Deduplicator(context.getStateStore(StoreNames.DEDUP), config.processing().dedupRetention());
        applier = new EventApplier(context.getStateStore(StoreNames.DAYS), context.getStateStore(StoreNames.SKETCHES),
                context.getStateStore(StoreNames.STATIONS));
        baselines = new BaselineKeeper(config.baselines(), config.publishedBaselines(), baselineStore,
                new FiguresCalculator(data), config.verdicts().baselineEvidence());
        publisher = new KpiPublisher(data, config, context::currentSystemTimeMs, closed);
        context.schedule(config.processing().publishInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<byte[], Classified> received) {
        Record<byte[], Classified> record = received.key() != null && received.key().length == 0
                ? received.withKey(null) : received;
        Classifier.Outcome outcome = record.value().outcome();
        if (outcome instanceof Classifier.Unusable unusable) {
            reject(record, unusable);
            return;
        }
        KpiEvent event = ((Classifier.Usable) outcome).event();
        long now = context.currentSystemTimeMs();
        String plant = event.plant();
        publisher.changed(plant);
        PlantCalendar calendar = calendar(plant);
        PlantRecord state = plantRecord(plant);
        if (!deduplicator.firstTime(event, calendar)) {
            state.duplicate();
            plants.put(plant, state);
            return;
        }
        if (beforeFinal(record, event, state, calendar, now)) {
            return;
        }
        // Profiles are state, not period data, and come again as retained messages with their old ts:
        // they always apply (the latest by ts counts), so they are never late on a line's clock.
        String line = event.line();
        OptionalLong lineClock = state.lineClock(line);
        long eventTime = event.eventTimeMillis();
        if (event.kind() != Kind.PROFILE && lineClock.isPresent()
                && Lateness.isLate(calendar, eventTime, lineClock.getAsLong(), grace)) {
            state.late(event.kind());
            plants.put(plant, state);
            late(record, event, calendar, lineClock.getAsLong());
            return;
        }
        state.accept(event.kind(), line, eventTime, now);
        long lineOpenFrom = Lateness.openFrom(calendar, state.lineClock(line).getAsLong(), grace);
        applier.apply(event, calendar, lineOpenFrom);
        plants.put(plant, state);
        advanceWatermark(plant, state, calendar, now, record.timestamp());
    }

    /**
     * Keeps assessed milestones final: an event dated before the end of the latest assessed due date is late,
     * whichever line sends it. A profile there that would change history (not a retained copy of one already
     * known) takes effect from the end of the final period instead, and counts as late. Returns whether the event
     * was fully handled here.
     */
    private boolean beforeFinal(Record<byte[], Classified> record, KpiEvent event, PlantRecord state,
                                PlantCalendar calendar, long now) {
        if (!state.hasClock()) {
            return false;
        }
        // The watermark before this event is applied: whatever a scorecard could already show as assessed.
        long watermark = state.watermarkMillis(now, config.processing().lineIdleTimeout());
        FinalPeriods finals = finalPeriods.computeIfAbsent(event.plant(),
                plant -> new FinalPeriods(config.targets().forPlant(plant), calendar));
        state.finalUntil(finals.finalUntil(Lateness.openFrom(calendar, watermark, grace)));
        long finalUntil = state.finalUntilMillis();
        if (event.eventTimeMillis() >= finalUntil) {
            return false;
        }
        String detail = "event time " + Instant.ofEpochMilli(event.eventTimeMillis()) + " is before "
                + Instant.ofEpochMilli(finalUntil) + ": an assessed milestone's data are final";
        if (event.fact() instanceof KpiEvent.Profile profile) {
            if (applier.knowsProfile(event, profile)) {
                return false;
            }
            state.late(event.kind());
            applier.applyProfileFrom(event, profile, finalUntil);
            plants.put(event.plant(), state);
            LOG.debug("Back-dated profile of {} applied from {}: {}", event.stationPath(),
                    Instant.ofEpochMilli(finalUntil), detail);
            return true;
        }
        state.late(event.kind());
        plants.put(event.plant(), state);
        LOG.debug("Late {} event of {}: {}", event.kind().wireName(), event.stationPath(), detail);
        toDlq(record, LATE_REASON, detail);
        return true;
    }

    /**
     * When the plant's watermark reaches a new day: forget old message ids and freeze the baselines whose
     * learning period every live line has now left behind. Also run from the punctuation, so that a line
     * falling silent can let the others' data become final.
     */
    private void advanceWatermark(String plant, PlantRecord state, PlantCalendar calendar, long now, long timestamp) {
        long watermark = state.watermarkMillis(now, config.processing().lineIdleTimeout());
        LocalDate day = calendar.dateOf(watermark);
        if (day.equals(watermarkDays.get(plant))) {
            return;
        }
        watermarkDays.put(plant, day);
        // The only time baselines are frozen or adopted.
        publisher.changed(plant);
        deduplicator.expire(plant, day);
        Scope scope = Scope.plant(plant, List.copyOf(state.lines()), calendar, state.clockMillis());
        for (Baseline frozen : baselines.freezeDue(scope, Lateness.openFrom(calendar, watermark, grace))) {
            context.forward(new Record<>(utf8(Baseline.key(plant, frozen.kpi())),
                    BASELINE_SERDE.serializer().serialize(null, frozen), timestamp), AnalyticsTopology.BASELINES_SINK);
        }
    }

    private void punctuate(long now) {
        try (KeyValueIterator<String, PlantRecord> all = plants.all()) {
            while (all.hasNext()) {
                KeyValue<String, PlantRecord> entry = all.next();
                if (!PlantRecord.UNKNOWN_PLANT.equals(entry.key) && entry.value.hasClock()) {
                    advanceWatermark(entry.key, entry.value, calendar(entry.key), now, now);
                }
            }
        }
        publisher.publish(now, context);
    }

    private void reject(Record<byte[], Classified> record, Classifier.Unusable unusable) {
        String plant = LineKey.parse(record.key()).map(LineKey::plant).orElse(PlantRecord.UNKNOWN_PLANT);
        publisher.changed(plant);
        PlantRecord state = plantRecord(plant);
        state.rejected(unusable.reason().wireName());
        plants.put(plant, state);
        LOG.debug("Rejected a record of plant {}: {} ({})", plant, unusable.reason().wireName(), unusable.detail());
        toDlq(record, unusable.reason().wireName(), unusable.detail());
    }

    /** A late event is left out of every KPI, counted, and kept on the DLQ as it came, so it is never lost. */
    private void late(Record<byte[], Classified> record, KpiEvent event, PlantCalendar calendar, long lineClock) {
        long openFrom = Lateness.openFrom(calendar, lineClock, grace);
        String detail = "event time " + Instant.ofEpochMilli(event.eventTimeMillis()) + " is before "
                + Instant.ofEpochMilli(openFrom) + ", the start of the oldest open month of line " + event.line()
                + " (its clock " + Instant.ofEpochMilli(lineClock) + ", grace " + grace.toHours() + " h)";
        LOG.debug("Late {} event of {}: {}", event.kind().wireName(), event.stationPath(), detail);
        toDlq(record, LATE_REASON, detail);
    }

    private void toDlq(Record<byte[], Classified> record, String reason, String detail) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(Headers.ERROR_REASON);
        headers.remove(Headers.ERROR_DETAIL);
        headers.add(Headers.ERROR_REASON, utf8(reason));
        headers.add(Headers.ERROR_DETAIL, utf8(detail));
        context.forward(new Record<>(record.key(), record.value().raw(), record.timestamp(), headers),
                AnalyticsTopology.DLQ_SINK);
    }

    private PlantCalendar calendar(String plant) {
        return calendars.computeIfAbsent(plant, p -> new PlantCalendar(config.targets().forPlant(p).zone()));
    }

    private PlantRecord plantRecord(String plant) {
        PlantRecord state = plants.get(plant);
        return state == null ? new PlantRecord() : state;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
