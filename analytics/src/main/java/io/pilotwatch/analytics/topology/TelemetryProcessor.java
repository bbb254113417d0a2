package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.baseline.BaselineKeeper;
import io.pilotwatch.analytics.config.AnalyticsConfig;
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
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * The one stateful step, per plant (records arrive partitioned by plant): classify, drop duplicates,
 * count late events (on the line's own clock), add the rest to the KPI state, freeze baselines once the
 * plant's watermark allows, and publish KPI snapshots on a wall-clock schedule. Records it cannot use go to
 * the DLQ with the reason.
 */
final class TelemetryProcessor implements Processor<byte[], byte[], byte[], Routed> {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryProcessor.class);

    private static final JsonSerde<Baseline> BASELINE_SERDE = new JsonSerde<>(Baseline.class);

    private final AnalyticsConfig config;
    private final Duration grace;
    private final Classifier classifier;
    /** The watermark day last acted on per plant; after a restart each plant acts once more (idempotent). */
    private final Map<String, LocalDate> watermarkDays = new HashMap<>();
    private ProcessorContext<byte[], Routed> context;
    private KeyValueStore<String, PlantRecord> plants;
    private Deduplicator deduplicator;
    private EventApplier applier;
    private BaselineKeeper baselines;

    TelemetryProcessor(AnalyticsConfig config, TelemetryCodec codec) {
        this.config = config;
        this.grace = config.processing().grace();
        this.classifier = new Classifier(codec, config.targets(), config.processing().maxFutureSkew());
    }

    @Override
    public void init(ProcessorContext<byte[], Routed> context) {
        this.context = context;
        plants = context.getStateStore(StoreNames.PLANTS);
        KeyValueStore<String, Baseline> baselineStore = context.getStateStore(StoreNames.BASELINES);
        StoreKpiData data = new StoreKpiData(plants, context.getStateStore(StoreNames.DAYS),
                context.getStateStore(StoreNames.SKETCHES), context.getStateStore(StoreNames.STATIONS), baselineStore);
        deduplicator = new Deduplicator(context.getStateStore(StoreNames.DEDUP), config.processing().dedupRetention());
        applier = new EventApplier(context.getStateStore(StoreNames.DAYS), context.getStateStore(StoreNames.SKETCHES),
                context.getStateStore(StoreNames.STATIONS));
        baselines = new BaselineKeeper(config.baselines(), config.publishedBaselines(), baselineStore,
                new FiguresCalculator(data));
        KpiPublisher publisher = new KpiPublisher(data, config, context::currentSystemTimeMs);
        context.schedule(config.processing().publishInterval(), PunctuationType.WALL_CLOCK_TIME,
                now -> punctuate(now, publisher));
    }

    @Override
    public void process(Record<byte[], byte[]> received) {
        Record<byte[], byte[]> record = received.key() != null && received.key().length == 0
                ? received.withKey(null) : received;
        long now = context.currentSystemTimeMs();
        Classifier.Outcome outcome = classifier.classify(record.key(), record.value(), now);
        if (outcome instanceof Classifier.Unusable unusable) {
            reject(record, unusable);
            return;
        }
        Classifier.Usable usable = (Classifier.Usable) outcome;
        TelemetryEvent event = usable.event();
        String plant = event.station().plant();
        PlantCalendar calendar = new PlantCalendar(config.targets().forPlant(plant).zone());
        PlantRecord state = plantRecord(plant);
        if (!deduplicator.firstTime(event, calendar)) {
            state.duplicate();
            plants.put(plant, state);
            return;
        }
        // Profiles are state, not period data, and come again as retained messages with their old ts:
        // they always apply (the latest by ts counts), so they are never late.
        String line = event.station().line();
        OptionalLong lineClock = state.lineClock(line);
        if (event.kind() != Kind.PROFILE && lineClock.isPresent()
                && Lateness.isLate(calendar, usable.eventTimeMillis(), lineClock.getAsLong(), grace)) {
            state.late(event.kind());
            plants.put(plant, state);
            LOG.debug("Late {} event of {} at {}: its month closed on the line's clock", event.kind().wireName(),
                    event.station(), event.ts());
            return;
        }
        state.accept(event.kind(), line, usable.eventTimeMillis(), now);
        long lineOpenFrom = Lateness.openFrom(calendar, state.lineClock(line).getAsLong(), grace);
        applier.apply(event, calendar, lineOpenFrom);
        plants.put(plant, state);
        advanceWatermark(plant, state, calendar, now, record.timestamp());
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
        deduplicator.expire(plant, day);
        Scope scope = Scope.plant(plant, List.copyOf(state.lines()), calendar, state.clockMillis());
        for (Baseline frozen : baselines.freezeDue(scope, Lateness.openFrom(calendar, watermark, grace))) {
            context.forward(new Record<>(utf8(Baseline.key(plant, frozen.kpi())),
                    new Routed(Routed.Route.BASELINE, BASELINE_SERDE.serializer().serialize(null, frozen)), timestamp));
        }
    }

    private void punctuate(long now, KpiPublisher publisher) {
        try (KeyValueIterator<String, PlantRecord> all = plants.all()) {
            while (all.hasNext()) {
                KeyValue<String, PlantRecord> entry = all.next();
                if (!PlantRecord.UNKNOWN_PLANT.equals(entry.key) && entry.value.hasClock()) {
                    PlantCalendar calendar = new PlantCalendar(config.targets().forPlant(entry.key).zone());
                    advanceWatermark(entry.key, entry.value, calendar, now, now);
                }
            }
        }
        publisher.publish(now, context);
    }

    private void reject(Record<byte[], byte[]> record, Classifier.Unusable unusable) {
        String plant = LineKey.parse(record.key()).map(LineKey::plant).orElse(PlantRecord.UNKNOWN_PLANT);
        PlantRecord state = plantRecord(plant);
        state.rejected(unusable.reason().wireName());
        plants.put(plant, state);
        LOG.debug("Rejected a record of plant {}: {} ({})", plant, unusable.reason().wireName(), unusable.detail());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(Headers.ERROR_REASON);
        headers.remove(Headers.ERROR_DETAIL);
        headers.add(Headers.ERROR_REASON, utf8(unusable.reason().wireName()));
        headers.add(Headers.ERROR_DETAIL, utf8(unusable.detail()));
        context.forward(new Record<>(record.key(), new Routed(Routed.Route.DLQ, record.value()), record.timestamp(),
                headers));
    }

    private PlantRecord plantRecord(String plant) {
        PlantRecord state = plants.get(plant);
        return state == null ? new PlantRecord() : state;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
