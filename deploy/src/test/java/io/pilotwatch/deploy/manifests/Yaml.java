package io.pilotwatch.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reading the deployment files of {@code deploy/} for the manifest tests. */
final class Yaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DOCUMENTED_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    private Yaml() {
    }

    /** Every document of every {@code .yaml}/{@code .yml} file under {@code dir}. */
    static List<JsonNode> documents(Path dir) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                documents.addAll(documents(file, true));
            }
        }
        return documents;
    }

    static List<JsonNode> documents(Path file, boolean skipEmpty) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class)
                .readValues(YAML.getFactory().createParser(file.toFile()))) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (!skipEmpty || (document != null && !document.isNull() && !document.isEmpty())) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    /** The environment variable names docs/configuration.md documents (`NAME` in backquotes). */
    static Set<String> documentedVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = DOCUMENTED_VARIABLE.matcher(Files.readString(Path.of("../docs/configuration.md")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Whether the services read this variable: documented, or one of the pass-through prefixes. */
    static boolean isServiceVariable(String name, Set<String> documented) {
        // JAVA_TOOL_OPTIONS is read by the JVM, not the service (docs/operations.md, "Memory"), as in the Helm test.
        return documented.contains(name) || name.startsWith("KAFKA_STREAMS_") || name.startsWith("KAFKA_PRODUCER_")
                || name.equals("JAVA_TOOL_OPTIONS");
    }
}
