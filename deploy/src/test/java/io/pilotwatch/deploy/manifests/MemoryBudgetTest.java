package io.pilotwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sizing rule of docs/operations.md ("Memory") applied to the deployments as configured: every JVM option the
 * rule needs is set, and the sum stays under the container limit. The expected sums are the table's, computed by
 * hand there. Seen failing with the compose analytics at MaxRAMPercentage=75 (sum 1,666 MiB of 1,280).
 */
class MemoryBudgetTest {

    /** MiB outside every JVM bound, measured (threads, symbols, class space, CDS, compiler arenas, malloc). */
    private static final double ANALYTICS_REST = 160;
    private static final double INGEST_REST = 80;
    private static final int STORES_PER_TASK = 6;

    @Test
    void composeServicesHaveLimitsAndTheJvmsFitThem() throws IOException {
        JsonNode services = Yaml.documents(Path.of("compose", "docker-compose.yml"), true).get(0).get("services");
        services.fieldNames().forEachRemaining(name -> assertThat(services.get(name).has("mem_limit"))
                .as("compose service %s has a mem_limit", name).isTrue());
        // 6 telemetry partitions: the compose file's TELEMETRY_PARTITIONS default.
        double analytics = budget(options(services.at("/analytics/environment/JAVA_TOOL_OPTIONS")),
                mib(services.at("/analytics/mem_limit").asText()),
                services.at("/analytics/environment/ANALYTICS_ROCKSDB_BLOCK_CACHE_MB").asDouble()
                        + services.at("/analytics/environment/ANALYTICS_ROCKSDB_WRITE_BUFFER_MB").asDouble()
                        + 0.5 * STORES_PER_TASK * 6, ANALYTICS_REST);
        double ingest = budget(options(services.at("/ingest/environment/JAVA_TOOL_OPTIONS")),
                mib(services.at("/ingest/mem_limit").asText()), 0, INGEST_REST);

        assertThat(analytics).isCloseTo(1151, org.assertj.core.data.Offset.offset(1.0)).isLessThanOrEqualTo(1280);
        assertThat(ingest).isCloseTo(476, org.assertj.core.data.Offset.offset(1.0)).isLessThanOrEqualTo(512);
    }

    @Test
    void helmValuesFitTheirLimits() throws IOException {
        JsonNode values = Yaml.documents(Path.of("helm", "pilotwatch", "values.yaml"), false).get(0);
        int partitions = values.at("/strimzi/topics/partitions").asInt();
        double analytics = budget(values.at("/analytics/javaToolOptions").asText(),
                mib(values.at("/analytics/resources/limits/memory").asText()),
                values.at("/analytics/rocksdb/blockCacheMb").asDouble() + values.at("/analytics/rocksdb/writeBufferMb")
                        .asDouble() + 0.5 * STORES_PER_TASK * partitions, ANALYTICS_REST);
        double ingest = budget(values.at("/ingest/javaToolOptions").asText(),
                mib(values.at("/ingest/resources/limits/memory").asText()), 0, INGEST_REST);

        assertThat(analytics).isCloseTo(1854, org.assertj.core.data.Offset.offset(1.0)).isLessThanOrEqualTo(2048);
        assertThat(ingest).isCloseTo(476, org.assertj.core.data.Offset.offset(1.0)).isLessThanOrEqualTo(512);
    }

    /**
     * The bridge's heap is committed at its maximum from the start: a heap G1 may shrink (the JVM's default initial
     * heap is 1/64 of the limit) ran a concurrent cycle every second at 5,000 msg/s and young pauses several times a
     * second (docs/benchmarks.md, "2026-12-07"). The budget above already counts the whole heap.
     */
    @Test
    void ingestHeapStartsAtItsMaximum() throws IOException {
        JsonNode services = Yaml.documents(Path.of("compose", "docker-compose.yml"), true).get(0).get("services");
        JsonNode values = Yaml.documents(Path.of("helm", "pilotwatch", "values.yaml"), false).get(0);
        String dockerfile = java.nio.file.Files.readString(Path.of("docker", "ingest.Dockerfile"));
        for (String options : java.util.List.of(options(services.at("/ingest/environment/JAVA_TOOL_OPTIONS")),
                values.at("/ingest/javaToolOptions").asText(), text(dockerfile, "JAVA_TOOL_OPTIONS=\"([^\"]+)\""))) {
            assertThat(number(options, "-XX:InitialRAMPercentage=([0-9.]+)"))
                    .as("initial heap of '%s'", options)
                    .isEqualTo(number(options, "-XX:MaxRAMPercentage=([0-9.]+)"));
        }
    }

    /** The rule: 1.15 x heap + RocksDB + direct + metaspace + code cache + rest, each bound required. */
    private static double budget(String options, double limit, double rocksDb, double rest) {
        double heap = limit * number(options, "-XX:MaxRAMPercentage=([0-9.]+)") / 100;
        return 1.15 * heap + rocksDb + mib(text(options, "-XX:MaxDirectMemorySize=(\\S+)"))
                + mib(text(options, "-XX:MaxMetaspaceSize=(\\S+)")) + mib(text(options, "-XX:ReservedCodeCacheSize=(\\S+)"))
                + rest;
    }

    private static String options(JsonNode node) {
        assertThat(node.isMissingNode()).as("JAVA_TOOL_OPTIONS set").isFalse();
        return node.asText();
    }

    private static double number(String options, String regex) {
        return Double.parseDouble(text(options, regex));
    }

    private static String text(String options, String regex) {
        Matcher m = Pattern.compile(regex).matcher(options);
        assertThat(m.find()).as("%s in '%s'", regex, options).isTrue();
        return m.group(1);
    }

    /** 512m, 1g, 1280m, 512Mi, 2Gi in MiB. */
    private static double mib(String size) {
        Matcher m = Pattern.compile("([0-9.]+)\\s*([kKmMgG])i?[bB]?").matcher(size.trim());
        assertThat(m.matches()).as("a memory size: %s", size).isTrue();
        double value = Double.parseDouble(m.group(1));
        return switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> value / 1024;
            case 'm' -> value;
            default -> value * 1024;
        };
    }
}
