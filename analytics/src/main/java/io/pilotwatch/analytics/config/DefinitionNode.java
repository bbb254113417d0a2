package io.pilotwatch.analytics.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A node of a YAML definition file that knows its dotted path, so that every validation failure names
 * the file and the key. Unknown keys are errors: a typo must not silently fall back to a default.
 */
public final class DefinitionNode {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String kind;
    private final String file;
    private final String path;
    private final JsonNode node;

    private DefinitionNode(String kind, String file, String path, JsonNode node) {
        this.kind = kind;
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Reads a YAML file; {@code kind} ("targets", "baselines") prefixes every error. */
    public static DefinitionNode read(String kind, Path file) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            return new DefinitionNode(kind, file.toString(), "", root == null ? MissingNode.getInstance() : root);
        } catch (IOException e) {
            throw new DefinitionFileException(kind, file.toString(), "(file)", "cannot read it as YAML: "
                    + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    /** Parses YAML text (a bundled resource); {@code name} stands for the file in errors. */
    public static DefinitionNode parse(String kind, String name, String yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            return new DefinitionNode(kind, name, "", root == null ? MissingNode.getInstance() : root);
        } catch (IOException e) {
            throw new DefinitionFileException(kind, name, "(file)", "not YAML: " + e.getMessage());
        }
    }

    public DefinitionFileException problem(String problem) {
        return new DefinitionFileException(kind, file, path.isEmpty() ? "(root)" : path, problem);
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** The child {@code name} (possibly absent); requires this node to be a mapping. */
    public DefinitionNode get(String name) {
        requireMapping();
        return new DefinitionNode(kind, file, path.isEmpty() ? name : path + "." + name, node.path(name));
    }

    /** The keys of this mapping, checked against {@code allowed}; an absent node has none. */
    public List<String> keys(Set<String> allowed) {
        List<String> keys = keys();
        for (String key : keys) {
            if (!allowed.contains(key)) {
                throw get(key).problem("is not a known key (allowed: " + String.join(", ", allowed.stream().sorted()
                        .toList()) + ")");
            }
        }
        return keys;
    }

    /** The keys of this mapping, in file order; an absent node has none. */
    public List<String> keys() {
        if (!isPresent()) {
            return List.of();
        }
        requireMapping();
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    public String text() {
        requirePresent();
        if (!node.isValueNode()) {
            throw problem("must be a single value, got " + node.getNodeType().name().toLowerCase());
        }
        return node.asText();
    }

    public Optional<String> optionalText() {
        return isPresent() ? Optional.of(text()) : Optional.empty();
    }

    /** A list of single values (a YAML sequence), in file order. */
    public List<String> texts() {
        requirePresent();
        if (!node.isArray()) {
            throw problem("must be a list, got " + node.getNodeType().name().toLowerCase());
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            texts.add(new DefinitionNode(kind, file, path + "[" + i + "]", node.get(i)).text());
        }
        return texts;
    }

    public LocalDate date() {
        String text = text();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw problem("must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    public double number(double min, double max) {
        requirePresent();
        if (!node.isNumber()) {
            throw problem("must be a number, got '" + node.asText() + "'");
        }
        double value = node.asDouble();
        if (!(value >= min && value <= max)) {
            throw problem("must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    public int integer(int min, int max) {
        requirePresent();
        if (!node.isIntegralNumber()) {
            throw problem("must be an integer, got '" + node.asText() + "'");
        }
        long value = node.asLong();
        if (value < min || value > max) {
            throw problem("must be from " + min + " to " + max + ", got " + value);
        }
        return (int) value;
    }

    private void requirePresent() {
        if (!isPresent()) {
            throw problem("is required");
        }
    }

    private void requireMapping() {
        if (isPresent() && !node.isObject()) {
            throw problem("must be a mapping of keys to values");
        }
    }
}
