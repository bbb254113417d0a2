package io.pilotwatch.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every value of values.yaml is in the table of docs/operations.md ("Helm chart"), by its path or, in a row that
 * groups several (`ingest.subscribe.username` / `.topicFilter`), by its last segment. Maps handed through as a whole
 * (security contexts, resources, broker config, labels) count as one value. Seen failing for an added
 * ingest.undocumentedKnob.
 */
class ValuesDocumentedTest {

    /** Values whose content is a Kubernetes or Kafka structure passed through whole. */
    private static final Set<String> WHOLE = Set.of("podSecurityContext", "containerSecurityContext", "resources",
            "labels", "annotations", "config", "clientConfig", "env", "metricsFrom", "analyticsFrom", "storage",
            "nodeSelector", "tolerations", "affinity", "podAnnotations", "image", "accessModes");

    @Test
    void everyValueIsInTheTableOfOperationsMd() throws IOException {
        String doc = Files.readString(Path.of("../../docs/operations.md"));
        String section = doc.substring(doc.indexOf("## Helm chart"), doc.indexOf("\n## ", doc.indexOf("## Helm chart") + 1));
        List<String> firstCells = section.lines().filter(l -> l.startsWith("| `")).map(l -> l.split("\\|")[1]).toList();
        List<String> paths = new ArrayList<>();
        collect(Chart.YAML.readTree(Chart.DIR.resolve("values.yaml").toFile()), "", paths);

        assertThat(paths).hasSizeGreaterThan(50);
        for (String path : paths) {
            int dot = path.lastIndexOf('.');
            String last = path.substring(dot + 1);
            String parent = dot < 0 ? "" : path.substring(0, dot);
            assertThat(firstCells).as("value %s in the table of docs/operations.md", path).anyMatch(cell ->
                    cell.contains("`" + path + "`")
                    || (cell.contains("`" + parent + ".") && cell.contains("`." + last + "`"))
                    || cell.contains("`" + parent + ".*`")
                    || cell.contains("`*." + last + "`") || cell.contains("`*." + last + ".*`"));
        }
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && !WHOLE.contains(e.getKey())) {
                collect(e.getValue(), path, paths);
            } else {
                paths.add(path);
            }
        }
    }
}
