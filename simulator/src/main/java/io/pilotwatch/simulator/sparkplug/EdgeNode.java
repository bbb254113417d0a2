package io.pilotwatch.simulator.sparkplug;

import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.simulator.publish.Outgoing;
import io.pilotwatch.simulator.publish.SessionStart;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.Kind;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.TelemetryEvent;
import io.pilotwatch.telemetry.UnitResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * One line as a Sparkplug B edge node (group = plant, edge node = line, device = station): bdSeq per MQTT
 * session, seq 0-255 per message, a DBIRTH with aliases for each station before its first DDATA. Encoding
 * is Tahu's. Synchronized: the simulation thread encodes, a connecting thread may start a session.
 */
final class EdgeNode implements SessionStart {

    private static final Map<MachineState, Integer> STATE_CODES = Map.of(MachineState.OFF, 0,
            MachineState.RUNNING, 1, MachineState.IDLE, 2, MachineState.SETUP, 3, MachineState.DOWN, 4);
    private static final Map<UnitResult, String> RESULT_TEXTS = Map.of(UnitResult.GOOD, "OK",
            UnitResult.DEFECT, "NOK", UnitResult.SCRAP, "SCRAP", UnitResult.REWORK, "REWORK");
    private static final Map<CostCategory, SparkplugMetrics> COST_METRICS = Map.of(
            CostCategory.ENERGY, SparkplugMetrics.ENERGY, CostCategory.LABOR, SparkplugMetrics.LABOR,
            CostCategory.MATERIAL, SparkplugMetrics.MATERIAL, CostCategory.MAINTENANCE, SparkplugMetrics.MAINTENANCE,
            CostCategory.OTHER, SparkplugMetrics.OTHER);

    /** A station as a device: its aliases and what a DBIRTH after a reconnect repeats. */
    private static final class Device {
        final long aliasBase;
        Payload.Profile profile;
        long lastMillis;

        Device(long aliasBase) {
            this.aliasBase = aliasBase;
        }
    }

    private final String group;
    private final String edgeNode;
    private final int route;
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();
    private long bdSeq = -1;
    private int seq;

    EdgeNode(String group, String edgeNode, int route) {
        this.group = group;
        this.edgeNode = edgeNode;
        this.route = route;
    }

    /** NDEATH as the will, NBIRTH with a new bdSeq (seq 0), then a DBIRTH for each station already born. */
    @Override
    public synchronized Birth next() {
        bdSeq = (bdSeq + 1) % 256;
        seq = 0;
        long now = devices.values().stream().mapToLong(d -> d.lastMillis).max().orElse(System.currentTimeMillis());
        List<Outgoing> births = new ArrayList<>();
        births.add(message("NBIRTH", "", payload(now, 0L, List.of(
                metric("bdSeq", MetricDataType.Int64, bdSeq),
                metric("Node Control/Rebirth", MetricDataType.Boolean, false))), Kind.PROFILE, now, false));
        for (Map.Entry<String, Device> device : devices.entrySet()) {
            births.add(deviceBirth(device.getKey(), device.getValue(), device.getValue().lastMillis, Kind.PROFILE));
        }
        byte[] will = encode(payload(now, null, List.of(metric("bdSeq", MetricDataType.Int64, bdSeq))), false);
        return new Birth("spBv1.0/" + group + "/NDEATH/" + edgeNode, will, births);
    }

    synchronized List<Outgoing> encode(TelemetryEvent event) {
        String station = event.station().station();
        long millis = event.ts().toEpochMilli();
        Device device = devices.get(station);
        List<Outgoing> messages = new ArrayList<>(2);
        if (device == null) {
            device = new Device((long) (devices.size() + 1) * SparkplugMetrics.ALIASES_PER_DEVICE);
            devices.put(station, device);
            if (event.payload() instanceof Payload.Profile profile) {
                device.profile = profile;
                device.lastMillis = millis;
                messages.add(deviceBirth(station, device, millis, Kind.PROFILE));
                return messages;
            }
            messages.add(deviceBirth(station, device, millis, event.kind()));
        }
        device.lastMillis = millis;
        if (event.payload() instanceof Payload.Profile profile) {
            device.profile = profile;
        }
        messages.add(deviceData(station, device, event));
        return messages;
    }

    /** Every metric declared with its alias and type; profile values where known, the rest null. */
    private Outgoing deviceBirth(String station, Device device, long millis, Kind kind) {
        List<Metric> metrics = new ArrayList<>();
        for (SparkplugMetrics declared : SparkplugMetrics.values()) {
            Object value = device.profile == null ? null : switch (declared) {
                case PROCESS -> device.profile.process();
                case KEY_PROCESS -> device.profile.keyProcess();
                case CNC -> device.profile.cnc();
                case IDEAL_CYCLE_SECONDS -> device.profile.idealCycleSeconds().orElse(null);
                default -> null;
            };
            metrics.add(build(new Metric.MetricBuilder(declared.metricName, declared.type, value)
                    .alias(device.aliasBase + declared.ordinal())));
        }
        return message("DBIRTH", "/" + station, payload(millis, nextSeq(), metrics), kind, millis, false);
    }

    private Outgoing deviceData(String station, Device device, TelemetryEvent event) {
        Date at = Date.from(event.ts());
        List<Metric> metrics = new ArrayList<>();
        Payload payload = event.payload();
        if (payload instanceof Payload.Unit unit) {
            metrics.add(aliased(device, SparkplugMetrics.UNIT_ID, unit.unitId(), at));
            metrics.add(aliased(device, SparkplugMetrics.RESULT, RESULT_TEXTS.get(unit.result()), at));
            metrics.add(aliased(device, SparkplugMetrics.CYCLE_START, Date.from(unit.startedAt()), at));
            metrics.add(aliased(device, SparkplugMetrics.CYCLE_END, Date.from(unit.completedAt()), at));
            unit.defectCode().ifPresent(code -> metrics.add(aliased(device, SparkplugMetrics.DEFECT_CODE, code, at)));
        } else if (payload instanceof Payload.State state) {
            metrics.add(aliased(device, SparkplugMetrics.STATE, STATE_CODES.get(state.state()), at));
        } else if (payload instanceof Payload.Cost cost) {
            metrics.add(aliased(device, COST_METRICS.get(cost.category()), cost.amount().doubleValue(), at));
            metrics.add(aliased(device, SparkplugMetrics.CURRENCY, cost.currency(), at));
            cost.energyKwh().ifPresent(kwh ->
                    metrics.add(aliased(device, SparkplugMetrics.ENERGY_KWH, kwh.doubleValue(), at)));
        } else if (payload instanceof Payload.Profile profile) {
            metrics.add(aliased(device, SparkplugMetrics.PROCESS, profile.process(), at));
            metrics.add(aliased(device, SparkplugMetrics.KEY_PROCESS, profile.keyProcess(), at));
            metrics.add(aliased(device, SparkplugMetrics.CNC, profile.cnc(), at));
            profile.idealCycleSeconds().ifPresent(ideal ->
                    metrics.add(aliased(device, SparkplugMetrics.IDEAL_CYCLE_SECONDS, ideal, at)));
        }
        long millis = event.ts().toEpochMilli();
        return message("DDATA", "/" + station, payload(millis, nextSeq(), metrics), event.kind(), millis, true);
    }

    private long nextSeq() {
        seq = (seq + 1) % 256;
        return seq;
    }

    private Outgoing message(String type, String deviceSuffix, SparkplugBPayload payload, Kind kind, long millis,
                             boolean stripDataTypes) {
        return new Outgoing("spBv1.0/" + group + "/" + type + "/" + edgeNode + deviceSuffix,
                encode(payload, stripDataTypes), false, kind, route, Origin.REAL, millis, millis);
    }

    private static Metric aliased(Device device, SparkplugMetrics metric, Object value, Date at) {
        return build(new Metric.MetricBuilder(device.aliasBase + metric.ordinal(), metric.type, value).timestamp(at));
    }

    private static Metric metric(String name, MetricDataType type, Object value) {
        return build(new Metric.MetricBuilder(name, type, value));
    }

    private static Metric build(Metric.MetricBuilder builder) {
        try {
            return builder.createMetric();
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException("a metric value does not fit its declared type", e);
        }
    }

    private static SparkplugBPayload payload(long millis, Long seq, List<Metric> metrics) {
        SparkplugBPayload.SparkplugBPayloadBuilder builder = new SparkplugBPayload.SparkplugBPayloadBuilder()
                .setTimestamp(Date.from(Instant.ofEpochMilli(millis))).addMetrics(metrics);
        if (seq != null) {
            builder.setSeq(seq);
        }
        return builder.createPayload();
    }

    private byte[] encode(SparkplugBPayload payload, boolean stripDataTypes) {
        try {
            return encoder.getBytes(payload, stripDataTypes);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a Sparkplug payload to memory failed", e);
        }
    }
}
