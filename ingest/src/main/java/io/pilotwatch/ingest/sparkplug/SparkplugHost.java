package io.pilotwatch.ingest.sparkplug;

import io.pilotwatch.ingest.sparkplug.SparkplugMapping.Identity;
import io.pilotwatch.ingest.sparkplug.SparkplugMapping.Mapped;
import io.pilotwatch.ingest.sparkplug.SparkplugMapping.Unmapped;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.StationId;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.MessageType;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.model.MetricDataTypeMap;

/**
 * The host application side of Sparkplug B 3.0: one session per edge node, opened by NBIRTH (with its
 * {@code bdSeq}), extended by DBIRTHs, closed by the NDEATH with the same {@code bdSeq} or a DDEATH. DATA
 * aliases are resolved and typed from the BIRTHs; {@code seq} is checked to go up by one (mod 256). A gap,
 * a DATA message without BIRTH or an unknown alias is counted and, only for a primary host, answered with a
 * rebirth request (at most one per edge node per interval). Deaths record the stations as {@code off}.
 *
 * <p>Pure logic: decoding is Tahu's, time comes from the receipt times given, no I/O. Synchronized, as
 * sessions are shared by all connections.
 */
public final class SparkplugHost {

    /**
     * Event seq = event time (ms) << 11 | Sparkplug seq << 3 | k, k counting the station's events with the same
     * time in one message (docs/sparkplug.md): the same message always gives the same ids, and they stay below
     * 2^53, exact in JSON readers that use doubles.
     */
    static final int MAX_SAME_TIME_EVENTS = 1 << 3;
    private static final long MAX_EVENT_MILLIS = ((1L << 53) - 1) >> 11;
    private static final String EVENT_RANGE = "(1970 to 2109)";
    private static final String BD_SEQ = "bdSeq";

    /** An edge node, for rebirth requests. */
    public record EdgeNode(String group, String edgeNode) {
    }

    /** Why a message goes to the DLQ: {@code reason} is the {@code error.reason} header. */
    public record Rejection(String reason, String detail) {
    }

    /**
     * What one message means.
     *
     * @param events    normalized events (without receivedAt), to the telemetry topic
     * @param rejection if present, the message also goes to the DLQ with this reason
     * @param rebirth   if present, ask this edge node to rebirth (primary host only)
     */
    public record Outcome(List<TelemetryEvent> events, Optional<Rejection> rejection, Optional<EdgeNode> rebirth) {
        static Outcome none() {
            return new Outcome(List.of(), Optional.empty(), Optional.empty());
        }
    }

    private final SparkplugMapping mapping;
    private final MetricMapper mapper;
    private final SparkplugMetrics metrics;
    private final boolean primary;
    private final Duration rebirthInterval;
    private final Map<String, EdgeNodeSession> sessions = new HashMap<>();
    private final Map<String, Instant> lastRebirth = new HashMap<>();
    private final SparkplugBPayloadDecoder decoder = new SparkplugBPayloadDecoder();

    /**
     * @param primary         whether this bridge is the primary host application (requests rebirths)
     * @param rebirthInterval at most one rebirth request per edge node within this time
     */
    public SparkplugHost(SparkplugMapping mapping, SparkplugMetrics metrics, boolean primary, Duration rebirthInterval) {
        this.mapping = mapping;
        this.mapper = new MetricMapper(mapping);
        this.metrics = metrics;
        this.primary = primary;
        this.rebirthInterval = rebirthInterval;
        metrics.sessions(this::sessionCount);
    }

    public synchronized int sessionCount() {
        return sessions.size();
    }

    /** Handles one message of a Sparkplug topic received at {@code receivedAt}. Never throws. */
    public synchronized Outcome handle(String mqttTopic, byte[] payload, Instant receivedAt) {
        if (mqttTopic.startsWith(SparkplugTopic.PREFIX + "STATE/")) {
            metrics.message("STATE");
            return Outcome.none(); // another host application's birth or death: nothing about the plant
        }
        SparkplugTopic topic;
        try {
            topic = SparkplugTopic.parse(mqttTopic);
        } catch (IllegalArgumentException e) {
            return reject("sparkplug_bad_topic", e.getMessage());
        }
        metrics.message(topic.type().name());
        try {
            return switch (topic.type()) {
                case NBIRTH -> nodeBirth(topic, payload, receivedAt);
                case DBIRTH -> deviceBirth(topic, payload, receivedAt);
                case NDATA, DDATA -> data(topic, payload, receivedAt);
                case NDEATH -> nodeDeath(topic, payload, receivedAt);
                case DDEATH -> deviceDeath(topic, payload, receivedAt);
                // Commands (ours and other hosts'), STATE and records carry no telemetry.
                default -> Outcome.none();
            };
        } catch (Undecodable e) {
            return reject("sparkplug_undecodable", e.getMessage());
        } catch (OutOfRange e) {
            return reject("sparkplug_out_of_range", e.getMessage());
        } catch (RuntimeException e) {
            // Not expected: every known bad input is checked above. Still the message's, not the bridge's,
            // problem; a throw here would leave the message unanswered.
            return reject("sparkplug_undecodable", topic.type() + " could not be read: "
                    + MetricValues.clip(e.getClass().getName() + ": " + e.getMessage()));
        }
    }

    private Outcome nodeBirth(SparkplugTopic topic, byte[] bytes, Instant receivedAt) {
        SparkplugBPayload payload = decode(bytes, null);
        Optional<Long> bdSeq = payload.getMetrics().stream().filter(m -> m != null && BD_SEQ.equals(m.getName()))
                .findFirst().flatMap(m -> Optional.ofNullable(m.getValue())).map(SparkplugHost::asLong);
        if (bdSeq.isEmpty()) {
            return reject("sparkplug_undecodable", "NBIRTH has no bdSeq metric");
        }
        EdgeNodeSession session = new EdgeNodeSession(bdSeq.get(), seqOf(payload));
        sessions.put(topic.nodeKey(), session);
        return birth(topic, session, session.node, payload, receivedAt);
    }

    private Outcome deviceBirth(SparkplugTopic topic, byte[] bytes, Instant receivedAt) {
        EdgeNodeSession session = sessions.get(topic.nodeKey());
        if (session == null) {
            return withoutBirth(topic, receivedAt, "DBIRTH before the edge node's NBIRTH");
        }
        SparkplugBPayload payload = decode(bytes, null);
        boolean gap = !session.advance(seqOf(payload));
        MetricScope device = new MetricScope();
        session.devices.put(topic.device().orElseThrow(), device);
        Outcome outcome = birth(topic, session, device, payload, receivedAt);
        return gap ? gap(topic, outcome, receivedAt) : outcome;
    }

    private Outcome birth(SparkplugTopic topic, EdgeNodeSession session, MetricScope scope, SparkplugBPayload payload,
                          Instant receivedAt) {
        List<ResolvedMetric> resolved = new ArrayList<>();
        for (Metric metric : payload.getMetrics()) {
            if (metric == null || !metric.hasName() || metric.getDataType() == null) {
                return reject("sparkplug_undecodable", topic.type() + " metric without name or datatype");
            }
            scope.declare(metric);
            resolved.add(resolve(metric, metric.getName(), payload, receivedAt));
        }
        return mapped(topic, scope, resolved, true, seqOf(payload));
    }

    private Outcome data(SparkplugTopic topic, byte[] bytes, Instant receivedAt) {
        EdgeNodeSession session = sessions.get(topic.nodeKey());
        MetricScope scope = session == null ? null
                : topic.device().map(session.devices::get).orElse(session.node);
        if (scope == null) {
            return withoutBirth(topic, receivedAt, topic.type() + " of " + describe(topic) + " without its BIRTH");
        }
        MetricScope.KnownTypes types = scope.typesForDecoding();
        SparkplugBPayload payload;
        try {
            payload = decode(bytes, types);
        } catch (Undecodable e) {
            if (types.unknown.isEmpty()) {
                throw e;
            }
            return unknownMetrics(topic, receivedAt, String.join(", ", types.unknown));
        }
        List<ResolvedMetric> resolved = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Metric metric : payload.getMetrics()) {
            String name = metric == null ? null : scope.nameOf(metric);
            if (name == null) {
                unknown.add(metric == null ? "a metric without name or alias" : "alias " + metric.getAlias());
            } else {
                resolved.add(resolve(metric, name, payload, receivedAt));
            }
        }
        boolean gap = !session.advance(seqOf(payload));
        if (!unknown.isEmpty()) {
            return unknownMetrics(topic, receivedAt, String.join(", ", unknown));
        }
        Outcome outcome = mapped(topic, scope, resolved, false, seqOf(payload));
        return gap ? gap(topic, outcome, receivedAt) : outcome;
    }

    private Outcome nodeDeath(SparkplugTopic topic, byte[] bytes, Instant receivedAt) {
        EdgeNodeSession session = sessions.get(topic.nodeKey());
        SparkplugBPayload payload = decode(bytes, null);
        Optional<Long> bdSeq = payload.getMetrics().stream().filter(m -> m != null && BD_SEQ.equals(m.getName()))
                .findFirst().flatMap(m -> Optional.ofNullable(m.getValue())).map(SparkplugHost::asLong);
        if (session == null || bdSeq.isEmpty() || bdSeq.get() != session.bdSeq) {
            // The will of an older connection, delivered after the edge node was born again: not this session.
            metrics.staleDeath();
            return Outcome.none();
        }
        sessions.remove(topic.nodeKey());
        List<StationId> stations = new ArrayList<>();
        stationOf(topic.group(), topic.edgeNode(), Optional.empty()).ifPresent(stations::add);
        session.devices.keySet().forEach(device ->
                stationOf(topic.group(), topic.edgeNode(), Optional.of(device)).ifPresent(stations::add));
        return offEvents(stations, receivedAt, 0);
    }

    private Outcome deviceDeath(SparkplugTopic topic, byte[] bytes, Instant receivedAt) {
        EdgeNodeSession session = sessions.get(topic.nodeKey());
        String device = topic.device().orElseThrow();
        if (session == null || !session.devices.containsKey(device)) {
            return withoutBirth(topic, receivedAt, "DDEATH of " + describe(topic) + " without its DBIRTH");
        }
        SparkplugBPayload payload = decode(bytes, null);
        boolean gap = !session.advance(seqOf(payload));
        session.devices.remove(device);
        Instant at = payload.getTimestamp() == null ? receivedAt : payload.getTimestamp().toInstant();
        if (!inEventRange(at)) {
            // The device is gone all the same; only its off event cannot be dated.
            throw new OutOfRange("DDEATH of " + describe(topic) + ": timestamp " + at + " is out of range "
                    + EVENT_RANGE + "; the device's session ended, no off event recorded");
        }
        Outcome outcome = offEvents(stationOf(topic.group(), topic.edgeNode(), Optional.of(device)).stream().toList(),
                at, seqOf(payload));
        return gap ? gap(topic, outcome, receivedAt) : outcome;
    }

    private Outcome offEvents(List<StationId> stations, Instant at, int sparkplugSeq) {
        List<TelemetryEvent> events = new ArrayList<>();
        for (StationId station : stations) {
            events.add(event(station, at, new Payload.State(MachineState.OFF), sparkplugSeq, 0));
        }
        return new Outcome(events, Optional.empty(), Optional.empty());
    }

    private Outcome mapped(SparkplugTopic topic, MetricScope scope, List<ResolvedMetric> resolved, boolean birth,
                           int sparkplugSeq) {
        Identity identity = mapping.station(topic.group(), topic.edgeNode(), topic.device());
        if (identity instanceof Unmapped unmapped) {
            // A node's own metrics without nodeStation are simply not telemetry; a device that cannot map is an error.
            if (topic.device().isEmpty() && mapping.nodeStation().isEmpty()) {
                metrics.unmapped(birth ? 0 : resolved.size());
                return Outcome.none();
            }
            return reject("sparkplug_unmapped_identity", unmapped.detail());
        }
        StationId station = ((Mapped) identity).station();
        MetricMapper.Result result = mapper.map(resolved, birth, scope.profile);
        metrics.unmapped(result.unmapped());
        List<TelemetryEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>(result.problems());
        Map<Instant, Integer> sameTime = new HashMap<>();
        for (MetricMapper.TimedPayload timed : result.events()) {
            int k = sameTime.merge(timed.ts(), 1, Integer::sum) - 1;
            if (!inEventRange(timed.ts())) {
                problems.add("event time " + timed.ts() + " is out of range " + EVENT_RANGE);
            } else if (k >= MAX_SAME_TIME_EVENTS) {
                problems.add("more than " + MAX_SAME_TIME_EVENTS + " events with time " + timed.ts() + " in one message");
            } else {
                events.add(event(station, timed.ts(), timed.payload(), sparkplugSeq, k));
            }
        }
        Optional<Rejection> rejection = problems.isEmpty() ? Optional.empty()
                : Optional.of(new Rejection("sparkplug_bad_metric", String.join("; ", problems)));
        return new Outcome(events, rejection, Optional.empty());
    }

    private static TelemetryEvent event(StationId station, Instant ts, Payload payload, int sparkplugSeq, int k) {
        long seq = (ts.toEpochMilli() << 11) | ((long) (sparkplugSeq & 0xFF) << 3) | k;
        return new TelemetryEvent(station, seq, 0, ts, Optional.empty(), payload, Map.of());
    }

    private Optional<StationId> stationOf(String group, String edgeNode, Optional<String> device) {
        return mapping.station(group, edgeNode, device) instanceof Mapped mapped
                ? Optional.of(mapped.station()) : Optional.empty();
    }

    private Outcome withoutBirth(SparkplugTopic topic, Instant receivedAt, String detail) {
        metrics.noBirth();
        return new Outcome(List.of(), Optional.of(new Rejection("sparkplug_no_birth", detail)),
                rebirth(topic, receivedAt));
    }

    private Outcome unknownMetrics(SparkplugTopic topic, Instant receivedAt, String which) {
        metrics.unknownMetric();
        return new Outcome(List.of(), Optional.of(new Rejection("sparkplug_unknown_alias", topic.type() + " of "
                + describe(topic) + " uses " + MetricValues.clip(which) + " that its BIRTH did not declare")),
                rebirth(topic, receivedAt));
    }

    private Outcome gap(SparkplugTopic topic, Outcome outcome, Instant receivedAt) {
        metrics.seqGap();
        return new Outcome(outcome.events(), outcome.rejection(), outcome.rebirth().or(() -> rebirth(topic, receivedAt)));
    }

    /** A rebirth request, if this host is primary and has not asked this edge node recently. */
    private Optional<EdgeNode> rebirth(SparkplugTopic topic, Instant now) {
        if (!primary) {
            return Optional.empty();
        }
        Instant last = lastRebirth.get(topic.nodeKey());
        if (last != null && now.isBefore(last.plus(rebirthInterval))) {
            return Optional.empty();
        }
        lastRebirth.put(topic.nodeKey(), now);
        return Optional.of(new EdgeNode(topic.group(), topic.edgeNode()));
    }

    private ResolvedMetric resolve(Metric metric, String name, SparkplugBPayload payload, Instant receivedAt) {
        Instant ts = metric.getTimestamp() != null ? metric.getTimestamp().toInstant()
                : payload.getTimestamp() != null ? payload.getTimestamp().toInstant() : receivedAt;
        boolean isNull = metric.getValue() == null || Boolean.TRUE.equals(metric.isNull());
        return new ResolvedMetric(name, isNull ? Optional.empty() : Optional.of(metric.getValue()), ts,
                Boolean.TRUE.equals(metric.isHistorical()));
    }

    private SparkplugBPayload decode(byte[] bytes, MetricDataTypeMap types) {
        try {
            SparkplugBPayload payload = decoder.buildFromByteArray(bytes, types);
            if (payload.getMetrics() == null) {
                payload.setMetrics(new ArrayList<>());
            }
            return payload;
        } catch (Exception e) {
            throw new Undecodable("not a Sparkplug B payload: " + MetricValues.clip(String.valueOf(e.getMessage())));
        }
    }

    /** Sparkplug's seq runs 0 to 255; anything else is not a message of the protocol. */
    private static int seqOf(SparkplugBPayload payload) {
        Long seq = payload.getSeq();
        if (seq == null) {
            return 0;
        }
        if (seq < 0 || seq > 255) {
            throw new OutOfRange("seq " + Long.toUnsignedString(seq) + " is out of range (0 to 255)");
        }
        return seq.intValue();
    }

    /** Whether an event at {@code ts} can have an id (see {@link #MAX_SAME_TIME_EVENTS}). */
    private static boolean inEventRange(Instant ts) {
        return !ts.isBefore(Instant.EPOCH) && ts.toEpochMilli() <= MAX_EVENT_MILLIS;
    }

    private static long asLong(Object value) {
        if (value instanceof Number number) {
            return value instanceof BigInteger big ? big.longValue() : number.longValue();
        }
        throw new Undecodable("bdSeq is not a number but " + value.getClass().getSimpleName());
    }

    private static String describe(SparkplugTopic topic) {
        return topic.nodeKey() + topic.device().map(d -> "/" + d).orElse("");
    }

    private static Outcome reject(String reason, String detail) {
        return new Outcome(List.of(), Optional.of(new Rejection(reason, detail)), Optional.empty());
    }

    /** A seq or a time outside what the protocol or the event ids allow; turned into a rejection. */
    private static final class OutOfRange extends RuntimeException {
        OutOfRange(String message) {
            super(message, null, false, false);
        }
    }

    /** A payload Tahu cannot decode; turned into a rejection. */
    private static final class Undecodable extends RuntimeException {
        Undecodable(String message) {
            super(message, null, false, false);
        }
    }
}
