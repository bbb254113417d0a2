package io.pilotwatch.simulator.scenario;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads scenario files (YAML) into {@link Scenario} records and validates them. Unknown fields, duplicate
 * keys and values of the wrong type are errors, so that a typo cannot silently fall back to a default.
 */
public final class ScenarioLoader {

    /** The name that selects the scenario shipped on the class path. */
    public static final String DEFAULT = "default";
    private static final String DEFAULT_RESOURCE = "/scenarios/default.yaml";

    private final ObjectMapper mapper = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    public ScenarioLoader() {
        // Scalars keep their YAML type: "12" is not the number 12, 12 is not the id "12", yes is not true.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    /**
     * Loads {@code default} (the shipped scenario) or a file path.
     *
     * @throws ScenarioException if it cannot be read, parsed or validated
     */
    public Scenario load(String nameOrPath) {
        if (DEFAULT.equals(nameOrPath)) {
            try (InputStream in = ScenarioLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
                }
                return parse(in.readAllBytes(), "default (classpath:" + DEFAULT_RESOURCE + ")", DEFAULT);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
            }
        }
        Path path = Path.of(nameOrPath);
        try {
            return parse(Files.readAllBytes(path), path.toString(), baseName(path));
        } catch (NoSuchFileException e) {
            throw fileProblem(path, "file not found (use --scenario default for the shipped scenario)");
        } catch (IOException e) {
            throw fileProblem(path, "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * Parses and validates YAML text.
     *
     * @param source      how to name the file in messages
     * @param defaultName the scenario name when the file has none
     */
    public Scenario parse(byte[] yaml, String source, String defaultName) {
        Scenario scenario;
        try {
            scenario = mapper.readValue(yaml, Scenario.class);
        } catch (IOException e) {
            throw new ScenarioException(source, List.of(JacksonProblems.describe(e)));
        }
        if (scenario == null) {
            throw new ScenarioException(source, List.of(new ScenarioException.Problem("",
                    "expected a mapping with fields from, until and plants, got an empty document")));
        }
        if (scenario.name() == null) {
            scenario = scenario.withName(defaultName);
        }
        List<ScenarioException.Problem> problems = new ScenarioValidator().validate(scenario);
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return scenario;
    }

    private static ScenarioException fileProblem(Path path, String message) {
        return new ScenarioException(path.toString(), List.of(new ScenarioException.Problem("", message)));
    }

    private static String baseName(Path path) {
        String file = path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
