package io.pilotwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.config.AnalyticsKeys;
import io.pilotwatch.ingest.config.IngestKeys;
import io.pilotwatch.support.cli.DocumentedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The keys and defaults that {@code ingest.jar --help} and {@code analytics.jar --help} print are the ones of the
 * tables in docs/configuration.md, in the same order: a key or default changed on one side only fails here.
 */
class ConfigurationDocTest {

    private static final Pattern KEY = Pattern.compile("`([^`]+)`");

    @Test
    void ingestHelpMatchesTheDocs() throws IOException {
        // Seen failing with IngestKeys' http.port default changed to 8088.
        assertThat(IngestKeys.ALL).isEqualTo(documented("## Ingest bridge", "## Analytics service"));
    }

    @Test
    void analyticsHelpMatchesTheDocs() throws IOException {
        assertThat(AnalyticsKeys.ALL).isEqualTo(documented("## Analytics service", "\n## "));
    }

    /**
     * The rows of the key tables between two headings: a row "`a` / `b`" with the default "`1` / `2`" gives a=1
     * and b=2; one default for several keys ("none") applies to each. Backquotes are dropped.
     */
    private static List<DocumentedKey> documented(String from, String to) throws IOException {
        String docs = Files.readString(Path.of("../docs/configuration.md"));
        int start = docs.indexOf(from);
        int end = docs.indexOf(to, start + from.length());
        List<DocumentedKey> keys = new ArrayList<>();
        for (String line : docs.substring(start, end < 0 ? docs.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1).split("\\|");
            List<String> names = new ArrayList<>();
            Matcher m = KEY.matcher(cells[0]);
            while (m.find()) {
                names.add(m.group(1));
            }
            String[] defaults = cells[2].strip().split(" / ");
            for (int i = 0; i < names.size(); i++) {
                String value = defaults.length == names.size() ? defaults[i] : cells[2].strip();
                keys.add(new DocumentedKey(names.get(i), value.replace("`", "")));
            }
        }
        return keys;
    }
}
