package io.pilotwatch.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The PromQL of the Grafana dashboards in {@code deploy/grafana/dashboards}: panel targets and variable queries. */
final class DashboardQueries {

    /** One query of a dashboard: a panel's target, or a template variable's {@code label_values} query. */
    record Query(String dashboard, String where, String expr) {

        /** The expression with Grafana's variables replaced: {@code $name} and {@code ${name}}. */
        String substitute(Map<String, String> values) {
            String result = expr;
            for (Map.Entry<String, String> value : values.entrySet()) {
                result = result.replace("${" + value.getKey() + "}", value.getValue())
                        .replace("$" + value.getKey(), value.getValue());
            }
            if (result.contains("$")) {
                throw new IllegalStateException(dashboard + " / " + where + ": variable left in " + result);
            }
            return result;
        }

        Query withExpr(String newExpr) {
            return new Query(dashboard, where, newExpr);
        }
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*([a-zA-Z_]+)\\)");

    private DashboardQueries() {
    }

    static List<JsonNode> dashboards(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> dashboards = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(json.readTree(file.toFile()));
            }
        }
        return dashboards;
    }

    /** Every panel target's expression (rows' nested panels included). */
    static List<Query> panelTargets(JsonNode dashboard) {
        List<Query> queries = new ArrayList<>();
        collect(dashboard.get("uid").asText(), dashboard.get("panels"), queries);
        return queries;
    }

    /**
     * The series selector of every {@code label_values(selector, label)} variable query, so that a test can
     * check that the variable would offer values.
     */
    static List<Query> variableQueries(JsonNode dashboard) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if ("query".equals(variable.path("type").asText())) {
                String definition = variable.get("definition").asText();
                Matcher m = LABEL_VALUES.matcher(definition);
                if (!m.matches()) {
                    throw new IllegalStateException(dashboard.get("uid").asText() + ": variable "
                            + variable.get("name").asText() + " is not a label_values query: " + definition);
                }
                queries.add(new Query(dashboard.get("uid").asText(), "variable " + variable.get("name").asText(),
                        m.group(1)));
            }
        }
        return queries;
    }

    private static void collect(String uid, JsonNode panels, List<Query> queries) {
        if (panels == null) {
            return;
        }
        for (JsonNode panel : panels) {
            collect(uid, panel.get("panels"), queries);
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query(uid, "panel '" + panel.get("title").asText() + "' target "
                        + target.get("refId").asText(), target.get("expr").asText()));
            }
        }
    }
}
