package io.pilotwatch.analytics.baseline;

import io.pilotwatch.analytics.config.DefinitionNode;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.telemetry.StationId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a baselines file (format in docs/kpis.md). Without one, every plant learns every baseline from
 * its events of 2015 (the policy's base year), version 1.
 */
public final class BaselinesFile {

    static final String KIND = "baselines";

    private BaselinesFile() {
    }

    public static BaselinePlan builtIn() {
        PlantBaselines defaults = new PlantBaselines(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31), 1,
                Map.of(), "defaults");
        return new BaselinePlan("built-in", defaults, Map.of());
    }

    public static BaselinePlan load(Path file) {
        DefinitionNode root = DefinitionNode.read(KIND, file);
        root.keys(Set.of("defaults", "plants"));
        PlantBaselines defaults = plant(root.get("defaults"), builtIn().defaults(), "defaults");
        Map<String, PlantBaselines> plants = new LinkedHashMap<>();
        DefinitionNode plantsNode = root.get("plants");
        for (String plant : plantsNode.keys()) {
            DefinitionNode node = plantsNode.get(plant);
            if (!StationId.isValidId(plant)) {
                throw node.problem("is not a plant id (" + StationId.ID_PATTERN + ")");
            }
            plants.put(plant, plant(node, defaults, node.path()));
        }
        return new BaselinePlan(file.toString(), defaults, plants);
    }

    private static PlantBaselines plant(DefinitionNode node, PlantBaselines base, String path) {
        node.keys(Set.of("learnFrom", "learnTo", "version", "configured"));
        LocalDate from = node.get("learnFrom").isPresent() ? node.get("learnFrom").date() : base.learnFrom();
        LocalDate to = node.get("learnTo").isPresent() ? node.get("learnTo").date() : base.learnTo();
        if (to.isBefore(from)) {
            throw node.get("learnTo").problem("must not be before learnFrom (" + from + "), got " + to);
        }
        int version = node.get("version").isPresent() ? node.get("version").integer(1, 1_000_000) : base.version();
        Map<Kpi, PlantBaselines.Configured> configured = new EnumMap<>(Kpi.class);
        DefinitionNode values = node.get("configured");
        for (String name : values.keys()) {
            DefinitionNode value = values.get(name);
            Optional<Kpi> kpi = Kpi.fromWireName(name).filter(Kpi::targeted);
            if (kpi.isEmpty()) {
                throw value.problem("is not a KPI with targets (defect_rate, production_cycle, operating_cost, "
                        + "energy_per_unit, cnc_ratio)");
            }
            configured.put(kpi.get(), configuredValue(value, kpi.get()));
        }
        return new PlantBaselines(from, to, version, configured, path);
    }

    private static PlantBaselines.Configured configuredValue(DefinitionNode node, Kpi kpi) {
        node.keys(Set.of("value", "period", "source", "version"));
        double max = kpi.unit().equals("ratio") ? 1 : 1e12;
        double value = node.get("value").number(0, max);
        if (value == 0 && kpi != Kpi.CNC_RATIO) {
            throw node.get("value").problem("must be greater than 0: a reduction from 0 means nothing");
        }
        String period = node.get("period").text();
        String source = node.get("source").text();
        if (period.isBlank() || source.isBlank()) {
            throw node.problem("needs a non-empty period and source (where the audited value comes from)");
        }
        int version = node.get("version").isPresent() ? node.get("version").integer(1, 1_000_000) : 1;
        return new PlantBaselines.Configured(value, period, source, version);
    }
}
