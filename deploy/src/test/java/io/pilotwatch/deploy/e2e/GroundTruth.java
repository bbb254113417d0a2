package io.pilotwatch.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The simulator's ground truth file (docs/simulator.md#ground-truth), read for the KPIs the service reports. */
final class GroundTruth {

    private final JsonNode root;

    private GroundTruth(JsonNode root) {
        this.root = root;
    }

    static GroundTruth read(Path file) throws IOException {
        return new GroundTruth(new ObjectMapper().readTree(file.toFile()));
    }

    long messages(String pointer) {
        return root.at("/messages/" + pointer).asLong();
    }

    List<String> plants() {
        List<String> plants = new ArrayList<>();
        root.get("plants").forEach(p -> plants.add(p.get("plant").asText()));
        return plants;
    }

    List<String> lines(String plant) {
        List<String> lines = new ArrayList<>();
        plant(plant).get("lines").forEach(l -> lines.add(l.get("line").asText()));
        return lines;
    }

    /** A plant's real messages of one kind. */
    long plantMessages(String plant, String kind) {
        return plant(plant).at("/messages/" + kind).asLong();
    }

    /** The KPIs of a plant's period: {@code "2024-03"} (month) or {@code "2024"} (year). */
    JsonNode plantPeriod(String plant, String period) {
        return period(plant(plant), period);
    }

    JsonNode linePeriod(String plant, String line, String period) {
        for (JsonNode l : plant(plant).get("lines")) {
            if (l.get("line").asText().equals(line)) {
                return period(l, period);
            }
        }
        throw new IllegalArgumentException("no line " + plant + "/" + line + " in the ground truth");
    }

    /**
     * The truth's value of a KPI by the service's name ({@code kpi} label), or empty when the truth has none
     * (null: denominator 0).
     */
    static OptionalDouble kpi(JsonNode period, String kpi, String currency) {
        JsonNode value = switch (kpi) {
            case "defect_rate" -> period.get("defectRate");
            case "production_cycle" -> period.at("/productionCycleSeconds/mean");
            case "production_cycle_p50" -> period.at("/productionCycleSeconds/p50");
            case "production_cycle_p90" -> period.at("/productionCycleSeconds/p90");
            case "operating_cost" -> period.at("/cost/" + currency + "/perGoodUnit");
            case "energy_per_unit" -> period.at("/energy/kwhPerGoodUnit");
            case "cnc_ratio" -> period.at("/cnc/ratio");
            case "availability", "performance", "quality", "oee" -> period.at("/oee/" + kpi);
            default -> throw new IllegalArgumentException("unknown KPI " + kpi);
        };
        return value == null || value.isNull() || value.isMissingNode() ? OptionalDouble.empty()
                : OptionalDouble.of(value.asDouble());
    }

    private JsonNode plant(String plant) {
        for (JsonNode p : root.get("plants")) {
            if (p.get("plant").asText().equals(plant)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no plant " + plant + " in the ground truth");
    }

    private static JsonNode period(JsonNode scope, String period) {
        JsonNode node = (period.length() == 4 ? scope.get("years") : scope.get("months")).get(period);
        if (node == null) {
            throw new IllegalArgumentException("no period " + period + " in the ground truth");
        }
        return node;
    }
}
