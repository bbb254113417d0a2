package io.pilotwatch.ingest.sparkplug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pilotwatch.support.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node of the mapping file that knows its dotted key, so every problem names the file and the key.
 * Unknown keys are errors: a misspelt metric key must not silently leave a metric unmapped.
 */
final class MappingNode {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;
    private final String key;
    private final JsonNode node;

    private MappingNode(String file, String key, JsonNode node) {
        this.file = file;
        this.key = key;
        this.node = node;
    }

    static MappingNode read(Path path) {
        try {
            JsonNode root = YAML.readTree(path.toFile());
            return new MappingNode(path.toString(), "", root == null ? MissingNode.getInstance() : root);
        } catch (IOException e) {
            throw MappingException.at(path.toString(), "", "cannot read it as YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"));
        }
    }

    static MappingNode parse(String name, String yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            return new MappingNode(name, "", root == null ? MissingNode.getInstance() : root);
        } catch (IOException e) {
            throw MappingException.at(name, "", "not YAML: " + e.getMessage());
        }
    }

    ConfigException problem(String problem) {
        return MappingException.at(file, key, problem);
    }

    boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    MappingNode get(String name) {
        requireMapping(Set.of());
        return new MappingNode(file, key.isEmpty() ? name : key + "." + name, node.path(name));
    }

    /** Fails on a key outside {@code allowed}. An absent node passes. */
    MappingNode requireMapping(Set<String> allowed) {
        if (!isPresent()) {
            return this;
        }
        if (!node.isObject()) {
            throw problem("must be a mapping (key: value lines)");
        }
        if (!allowed.isEmpty()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw new MappingNode(file, key.isEmpty() ? name : key + "." + name, node.path(name))
                            .problem("is not a known key; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }
        return this;
    }

    Optional<String> text() {
        if (!isPresent()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.asText().isEmpty()) {
            throw problem("must be a non-empty string");
        }
        return Optional.of(node.asText());
    }

    String requiredText() {
        return text().orElseThrow(() -> problem("is required"));
    }

    /** A mapping of strings to strings (YAML scalars of any type are read as their text). */
    Map<String, String> textMap() {
        Map<String, String> result = new LinkedHashMap<>();
        if (!isPresent()) {
            return result;
        }
        requireMapping(Set.of());
        node.fields().forEachRemaining(entry -> result.put(entry.getKey(),
                new MappingNode(file, key + "." + entry.getKey(), entry.getValue()).requiredText()));
        return result;
    }

    List<MappingNode> list() {
        List<MappingNode> result = new ArrayList<>();
        if (!isPresent()) {
            return result;
        }
        if (!node.isArray()) {
            throw problem("must be a list (lines starting with '- ')");
        }
        for (int i = 0; i < node.size(); i++) {
            result.add(new MappingNode(file, key + "[" + i + "]", node.get(i)));
        }
        return result;
    }
}
