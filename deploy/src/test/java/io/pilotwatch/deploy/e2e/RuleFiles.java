package io.pilotwatch.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The rules of {@code deploy/prometheus/rules/*.yml}, read as YAML. */
final class RuleFiles {

    /** A recording rule ({@code alert} null) or an alert rule ({@code record} null). */
    record Rule(String group, String record, String alert, String expr, String component) {

        boolean isAlert() {
            return alert != null;
        }

        String name() {
            return isAlert() ? alert : record;
        }
    }

    private RuleFiles() {
    }

    static List<Rule> read(Path dir) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Rule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                for (JsonNode group : yaml.readTree(file.toFile()).get("groups")) {
                    for (JsonNode rule : group.get("rules")) {
                        rules.add(new Rule(group.get("name").asText(), text(rule, "record"), text(rule, "alert"),
                                rule.get("expr").asText(), rule.at("/labels/component").asText(null)));
                    }
                }
            }
        }
        return rules;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asText();
    }
}
