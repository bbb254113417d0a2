package io.pilotwatch.deploy.helm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** deploy/helm/pilotwatch through the real Helm library (Go, native): lint, and template with a values file. */
final class Chart {

    static final Path DIR = Path.of("../helm/pilotwatch");
    static final String RELEASE = "pilotwatch";
    static final String NAMESPACE = "pilotwatch";
    /** Duplicate keys in a rendered object are a template bug Kubernetes would hide (the last one wins). */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private Chart() {
    }

    static LintResult lint() {
        return new Helm(DIR).lint().strict().call();
    }

    /** The objects {@code helm template} renders with the chart's defaults overlaid by {@code valuesFile} (may be null). */
    static List<JsonNode> render(Path valuesFile) {
        return render(valuesFile, Map.of());
    }

    /** As {@link #render(Path)}, with {@code --set key=value} for each entry. */
    static List<JsonNode> render(Path valuesFile, Map<String, Object> set) {
        var template = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            template.withValuesFile(valuesFile);
        }
        set.forEach(template::set);
        return documents(template.call());
    }

    static List<JsonNode> documents(String manifests) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendered manifests are not valid YAML", e);
        }
        return documents;
    }
}
