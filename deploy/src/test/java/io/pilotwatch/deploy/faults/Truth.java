package io.pilotwatch.deploy.faults;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The parts of the simulator's ground truth that the fault suite checks. */
record Truth(JsonNode root) {

    static final List<String> KINDS = List.of("unit", "profile", "state", "cost");
    static final List<String> RESULTS = List.of("total", "good", "defect", "scrap", "rework");
    static final List<String> CATEGORIES = List.of("energy", "labor", "material", "maintenance", "other");

    static Truth read(Path file) throws IOException {
        // Costs are exact decimals: never let them pass through a double.
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        return new Truth(mapper.readTree(file.toFile()));
    }

    /** Real (distinct) messages published, all plants. */
    long realMessages() {
        return root.at("/messages/real/total").asLong();
    }

    /** Stations, i.e. retained profiles. */
    long retainedTopics() {
        return root.at("/messages/retained/topics").asLong();
    }

    List<String> plants() {
        List<String> plants = new java.util.ArrayList<>();
        root.get("plants").forEach(node -> plants.add(node.get("plant").asText()));
        return plants;
    }

    /** Real messages of a plant by kind. */
    Map<String, Long> messages(String plant) {
        Map<String, Long> counts = new TreeMap<>();
        KINDS.forEach(kind -> counts.put(kind, plantNode(plant).at("/messages/" + kind).asLong()));
        return counts;
    }

    /** Units of the plant in 2015 by result, and {@code total}. */
    Map<String, Long> units(String plant) {
        Map<String, Long> units = new TreeMap<>();
        RESULTS.forEach(result -> units.put(result, plantNode(plant).at("/years/2015/units/" + result).asLong()));
        return units;
    }

    /** Costs of the plant in 2015 by category, and {@code total}, in the plant's currency. */
    Map<String, BigDecimal> costs(String plant) {
        JsonNode node = plantNode(plant);
        JsonNode cost = node.at("/years/2015/cost/" + node.get("currency").asText());
        Map<String, BigDecimal> costs = new TreeMap<>();
        costs.put("total", cost.get("total").decimalValue());
        CATEGORIES.forEach(category -> costs.put(category, cost.at("/byCategory/" + category + "/total").decimalValue()));
        return costs;
    }

    private JsonNode plantNode(String plant) {
        for (JsonNode node : root.get("plants")) {
            if (node.get("plant").asText().equals(plant)) {
                return node;
            }
        }
        throw new IllegalArgumentException("no plant " + plant + " in the truth");
    }
}
