package io.pilotwatch.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/** The objects one rendering produced, with look-ups by kind and name. */
record Rendered(String variant, List<JsonNode> objects) {

    static final Set<String> WORKLOADS = Set.of("StatefulSet", "Deployment");

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    JsonNode get(String kind, String name) {
        return ofKind(kind).stream().filter(o -> o.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(variant + ": no " + kind + " " + name));
    }

    boolean has(String kind, String name) {
        return ofKind(kind).stream().anyMatch(o -> o.at("/metadata/name").asText().equals(name));
    }

    List<JsonNode> workloads() {
        return objects.stream().filter(o -> WORKLOADS.contains(o.path("kind").asText())).toList();
    }

    /** A container's environment: literal values, and "secret:<name>/<key>" or "field:<path>" for references. */
    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode e : container.path("env")) {
            JsonNode from = e.path("valueFrom");
            String value = e.has("value") ? e.get("value").asText()
                    : from.has("secretKeyRef") ? "secret:" + from.at("/secretKeyRef/name").asText() + "/" + from.at("/secretKeyRef/key").asText()
                    : "field:" + from.at("/fieldRef/fieldPath").asText();
            env.put(e.get("name").asText(), value);
        }
        return env;
    }

    /** Environment of the workload's only container, with its ConfigMap's variables (envFrom) underneath. */
    Map<String, String> environment(JsonNode workload) {
        JsonNode container = workload.at("/spec/template/spec/containers/0");
        Map<String, String> all = new TreeMap<>();
        for (JsonNode source : container.path("envFrom")) {
            get("ConfigMap", source.at("/configMapRef/name").asText()).path("data").fields()
                    .forEachRemaining(e -> all.put(e.getKey(), e.getValue().asText()));
        }
        all.putAll(env(container));
        return all;
    }
}
