package io.pilotwatch.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The repository's {@code deploy/prometheus/prometheus.yml}, changed only where a test must: the targets of
 * the two PilotWatch jobs, 2 s scrape and evaluation intervals, and absolute rule file paths.
 */
final class ScrapeConfig {

    static final String INGEST_JOB = "pilotwatch-ingest";
    static final String ANALYTICS_JOB = "pilotwatch-analytics";

    private ScrapeConfig() {
    }

    /**
     * The configuration to run: only the two PilotWatch jobs are kept (the self-scrape job would point at a
     * port the test does not know), each with its one target.
     */
    static String forTest(Path repositoryConfig, String ingestTarget, String analyticsTarget) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode original = (ObjectNode) yaml.readTree(repositoryConfig.toFile());
        ObjectNode config = original.deepCopy();
        ObjectNode global = (ObjectNode) config.get("global");
        // Every 2 s, and a scrape may take as long: analytics builds its scorecards per scrape, which takes
        // far longer than its usual 0.15 s when the machine is loaded (a failed scrape drops every series).
        global.put("scrape_interval", "2s");
        global.put("scrape_timeout", "2s");
        global.put("evaluation_interval", "2s");
        ArrayNode rules = config.putArray("rule_files");
        for (JsonNode file : original.get("rule_files")) {
            rules.add(repositoryConfig.toAbsolutePath().getParent().resolve(file.asText()).toString());
        }
        ArrayNode jobs = config.putArray("scrape_configs");
        for (JsonNode job : original.get("scrape_configs")) {
            String name = job.get("job_name").asText();
            if (name.equals(INGEST_JOB) || name.equals(ANALYTICS_JOB)) {
                ObjectNode copy = ((ObjectNode) job).deepCopy();
                copy.putArray("static_configs").addObject().putArray("targets")
                        .add(name.equals(INGEST_JOB) ? ingestTarget : analyticsTarget);
                jobs.add(copy);
            }
        }
        if (jobs.size() != 2) {
            throw new IllegalStateException(repositoryConfig + " must have the jobs " + INGEST_JOB + " and "
                    + ANALYTICS_JOB + " once each");
        }
        return yaml.writeValueAsString(config);
    }
}
