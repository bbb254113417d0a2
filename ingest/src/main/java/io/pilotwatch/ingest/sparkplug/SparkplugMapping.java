package io.pilotwatch.ingest.sparkplug;

import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.StationId;
import io.pilotwatch.telemetry.UnitResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What Sparkplug identities and metric names mean in the telemetry contract: group to plant, edge node to
 * line, device to station, and which metrics are a finished unit, a machine state, a profile or a cost.
 * The file format is documented in docs/sparkplug.md. Immutable once loaded.
 *
 * @param plants      group id to plant id; unlisted groups are used as they are when they are valid ids
 * @param lines       {@code group/edge} to line id; unlisted edge nodes are used as they are
 * @param stations    {@code group/edge/device} to station id; unlisted devices are used as they are
 * @param nodeStation station id for the edge node's own metrics (NBIRTH/NDATA); empty: they are unmapped
 * @param unit        which metrics make a finished unit, if any
 * @param state       which metric is the machine state, if any
 * @param profile     which metrics make the station's profile, if any
 * @param costs       cost metrics
 */
public record SparkplugMapping(Map<String, String> plants, Map<String, String> lines, Map<String, String> stations,
                               Optional<String> nodeStation, Optional<UnitMetrics> unit,
                               Optional<StateMetric> state, Optional<ProfileMetrics> profile,
                               List<CostMetric> costs) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** A finished unit: {@code id} names it; the others are read from the same message. */
    public record UnitMetrics(String id, String result, Map<String, UnitResult> resultValues,
                              String cycleStart, Optional<String> cycleEnd, Optional<String> defectCode) {
    }

    /** The machine state metric and how its values read. */
    public record StateMetric(String metric, Map<String, MachineState> values) {
    }

    /** The station's profile (usually in DBIRTH). */
    public record ProfileMetrics(String process, String keyProcess, String cnc, Optional<String> idealCycleSeconds) {
    }

    /** One cost metric: its value is the amount. */
    public record CostMetric(String metric, CostCategory category, Optional<String> energyKwh,
                             Optional<String> currencyMetric, Optional<String> currency) {
    }

    /** The station a Sparkplug identity maps to, or why it does not map. */
    public sealed interface Identity permits Mapped, Unmapped {
    }

    /** It maps to this station. */
    public record Mapped(StationId station) implements Identity {
    }

    /** It does not map: {@code detail} says which part. */
    public record Unmapped(String detail) implements Identity {
    }

    /**
     * The station of a device's metrics, or of the edge node's own metrics when {@code device} is empty.
     */
    public Identity station(String group, String edgeNode, Optional<String> device) {
        String plant = plants.getOrDefault(group, group);
        String line = lines.getOrDefault(group + "/" + edgeNode, edgeNode);
        Optional<String> station = device.map(d -> stations.getOrDefault(group + "/" + edgeNode + "/" + d, d))
                .or(() -> nodeStation);
        if (!StationId.isValidId(plant)) {
            return new Unmapped("group '" + group + "' is not a valid plant id; map it under identity.plants");
        }
        if (!StationId.isValidId(line)) {
            return new Unmapped("edge node '" + group + "/" + edgeNode
                    + "' is not a valid line id; map it under identity.lines");
        }
        if (station.isEmpty()) {
            return new Unmapped("the edge node's own metrics are unmapped (identity.nodeStation is not set)");
        }
        if (!StationId.isValidId(station.get())) {
            return new Unmapped("device '" + group + "/" + edgeNode + "/" + device.orElse("") + "' is not a valid "
                    + "station id; map it under identity.stations");
        }
        return new Mapped(new StationId(plant, line, station.get()));
    }

    /** The plant a group maps to, if it is a valid id (for credential scopes in listen mode). */
    public Optional<String> plantOf(String group) {
        String plant = plants.getOrDefault(group, group);
        return StationId.isValidId(plant) ? Optional.of(plant) : Optional.empty();
    }

    /** The line an edge node maps to, if it is a valid id. */
    public Optional<String> lineOf(String group, String edgeNode) {
        String line = lines.getOrDefault(group + "/" + edgeNode, edgeNode);
        return StationId.isValidId(line) ? Optional.of(line) : Optional.empty();
    }

    /**
     * Loads and checks a mapping file.
     *
     * @throws io.pilotwatch.support.config.ConfigException naming the file, the key and the problem
     */
    public static SparkplugMapping load(Path file) {
        return from(MappingNode.read(file));
    }

    /** Parses mapping YAML held in memory; {@code name} stands for the file in errors. */
    public static SparkplugMapping parse(String name, String yaml) {
        return from(MappingNode.parse(name, yaml));
    }

    private static SparkplugMapping from(MappingNode root) {
        if (!root.isPresent()) {
            throw root.problem("the file is empty; it needs at least a 'metrics' section");
        }
        root.requireMapping(Set.of("identity", "metrics"));
        MappingNode identity = root.get("identity").requireMapping(Set.of("plants", "lines", "stations",
                "nodeStation"));
        Map<String, String> plants = ids(identity.get("plants"));
        Map<String, String> lines = ids(identity.get("lines"));
        Map<String, String> stations = ids(identity.get("stations"));
        MappingNode nodeStationNode = identity.get("nodeStation");
        Optional<String> nodeStation = nodeStationNode.text();
        if (nodeStation.isPresent() && !StationId.isValidId(nodeStation.get())) {
            throw nodeStationNode.problem("'" + nodeStation.get() + "' is not a valid station id "
                    + StationId.ID_PATTERN.pattern());
        }
        MappingNode metrics = root.get("metrics");
        if (!metrics.isPresent()) {
            throw metrics.problem("is required: without it no metric means anything");
        }
        metrics.requireMapping(Set.of("unit", "state", "profile", "costs"));
        SparkplugMapping mapping = new SparkplugMapping(plants, lines, stations, nodeStation,
                unit(metrics.get("unit")), state(metrics.get("state")), profile(metrics.get("profile")),
                costs(metrics.get("costs")));
        mapping.requireDistinctMetricNames(metrics);
        return mapping;
    }

    private static Map<String, String> ids(MappingNode node) {
        Map<String, String> ids = node.textMap();
        for (Map.Entry<String, String> entry : ids.entrySet()) {
            if (!StationId.isValidId(entry.getValue())) {
                throw node.get(entry.getKey()).problem("'" + entry.getValue() + "' is not a valid id "
                        + StationId.ID_PATTERN.pattern());
            }
        }
        return Map.copyOf(ids);
    }

    private static Optional<UnitMetrics> unit(MappingNode node) {
        if (!node.isPresent()) {
            return Optional.empty();
        }
        node.requireMapping(Set.of("id", "result", "resultValues", "cycleStart", "cycleEnd", "defectCode"));
        return Optional.of(new UnitMetrics(node.get("id").requiredText(), node.get("result").requiredText(),
                values(node.get("resultValues"), UnitResult.class, UnitResult::wireName),
                node.get("cycleStart").requiredText(), node.get("cycleEnd").text(), node.get("defectCode").text()));
    }

    private static Optional<StateMetric> state(MappingNode node) {
        if (!node.isPresent()) {
            return Optional.empty();
        }
        node.requireMapping(Set.of("metric", "values"));
        return Optional.of(new StateMetric(node.get("metric").requiredText(),
                values(node.get("values"), MachineState.class, MachineState::wireName)));
    }

    private static Optional<ProfileMetrics> profile(MappingNode node) {
        if (!node.isPresent()) {
            return Optional.empty();
        }
        node.requireMapping(Set.of("process", "keyProcess", "cnc", "idealCycleSeconds"));
        return Optional.of(new ProfileMetrics(node.get("process").requiredText(),
                node.get("keyProcess").requiredText(), node.get("cnc").requiredText(),
                node.get("idealCycleSeconds").text()));
    }

    private static List<CostMetric> costs(MappingNode node) {
        return node.list().stream().map(entry -> {
            entry.requireMapping(Set.of("metric", "category", "energyKwh", "currencyMetric", "currency"));
            MappingNode categoryNode = entry.get("category");
            CostCategory category = parseEnum(categoryNode, categoryNode.requiredText(), CostCategory.class,
                    CostCategory::wireName);
            MappingNode currencyNode = entry.get("currency");
            Optional<String> currency = currencyNode.text();
            if (currency.isPresent() && !CURRENCY.matcher(currency.get()).matches()) {
                throw currencyNode.problem("'" + currency.get() + "' is not an ISO 4217 code like CNY");
            }
            Optional<String> currencyMetric = entry.get("currencyMetric").text();
            if (currency.isEmpty() && currencyMetric.isEmpty()) {
                throw entry.problem("needs 'currency' (a fixed ISO 4217 code) or 'currencyMetric' (or both)");
            }
            return new CostMetric(entry.get("metric").requiredText(), category, entry.get("energyKwh").text(),
                    currencyMetric, currency);
        }).toList();
    }

    /** Metric values (as text) to enum constants; empty means "the value is the contract's own name". */
    private static <E extends Enum<E>> Map<String, E> values(MappingNode node, Class<E> type,
                                                             Function<E, String> wireName) {
        Map<String, E> result = new LinkedHashMap<>();
        node.textMap().forEach((value, name) -> result.put(value, parseEnum(node.get(value), name, type, wireName)));
        return Map.copyOf(result);
    }

    private static <E extends Enum<E>> E parseEnum(MappingNode at, String name, Class<E> type,
                                                   Function<E, String> wireName) {
        for (E constant : type.getEnumConstants()) {
            if (wireName.apply(constant).equals(name)) {
                return constant;
            }
        }
        String hint = name.equals("true") || name.equals("false")
                ? " (YAML reads on, off, yes and no as booleans: quote the value, e.g. \"off\")" : "";
        throw at.problem("'" + name + "' is not one of " + String.join(", ",
                java.util.Arrays.stream(type.getEnumConstants()).map(wireName).toList()) + hint);
    }

    /** One metric name cannot mean two things: which event it belonged to would be a guess. */
    private void requireDistinctMetricNames(MappingNode metrics) {
        Map<String, String> roles = new HashMap<>();
        unit.ifPresent(u -> {
            claim(roles, metrics, u.id(), "unit.id");
            claim(roles, metrics, u.result(), "unit.result");
            claim(roles, metrics, u.cycleStart(), "unit.cycleStart");
            u.cycleEnd().ifPresent(m -> claim(roles, metrics, m, "unit.cycleEnd"));
            u.defectCode().ifPresent(m -> claim(roles, metrics, m, "unit.defectCode"));
        });
        state.ifPresent(s -> claim(roles, metrics, s.metric(), "state.metric"));
        profile.ifPresent(p -> {
            claim(roles, metrics, p.process(), "profile.process");
            claim(roles, metrics, p.keyProcess(), "profile.keyProcess");
            claim(roles, metrics, p.cnc(), "profile.cnc");
            p.idealCycleSeconds().ifPresent(m -> claim(roles, metrics, m, "profile.idealCycleSeconds"));
        });
        for (int i = 0; i < costs.size(); i++) {
            CostMetric cost = costs.get(i);
            claim(roles, metrics, cost.metric(), "costs[" + i + "].metric");
        }
    }

    private static void claim(Map<String, String> roles, MappingNode metrics, String metric, String role) {
        String earlier = roles.putIfAbsent(metric, role);
        if (earlier != null) {
            throw metrics.problem("metric '" + metric + "' is mapped twice, as " + earlier + " and as " + role);
        }
    }

    /** Lower-cases for value lookups when no explicit table is given. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
