package io.pilotwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s without a cluster (no kubeconform here): every document parses and has the fields Kubernetes
 * requires, workloads probe /health/*, run as non-root and only use documented configuration, references
 * between the documents resolve, and the monitors select the workloads with the job names the rules expect.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static List<JsonNode> documents;
    private static Map<String, JsonNode> configMaps;
    private static Set<String> secrets;

    @BeforeAll
    static void read() throws IOException {
        documents = Yaml.documents(K8S);
        configMaps = new HashMap<>();
        secrets = new TreeSet<>();
        for (JsonNode d : documents) {
            switch (d.get("kind").asText()) {
                case "ConfigMap" -> configMaps.put(name(d), d);
                case "Secret" -> secrets.add(name(d));
                default -> { }
            }
        }
    }

    @Test
    void everyDocumentHasTheRequiredFields() {
        assertThat(documents).hasSizeGreaterThan(10);
        for (JsonNode d : documents) {
            assertThat(d.path("apiVersion").asText()).as("apiVersion of %s", d).isNotBlank();
            assertThat(d.path("kind").asText()).as("kind of %s", d).isNotBlank();
            assertThat(name(d)).as("metadata.name of %s", d.get("kind")).matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
            if (!d.get("kind").asText().equals("Namespace")) {
                assertThat(d.at("/metadata/namespace").asText()).as("namespace of %s", name(d)).isEqualTo("pilotwatch");
            }
        }
    }

    @Test
    void workloadsProbeHealthRunAsNonRootAndSelectTheirOwnPods() {
        List<JsonNode> workloads = workloads();
        assertThat(workloads).extracting(KubernetesManifestsTest::name)
                .containsExactlyInAnyOrder("ingest", "ingest-listen", "analytics");
        for (JsonNode w : workloads) {
            JsonNode labels = w.at("/spec/template/metadata/labels");
            w.at("/spec/selector/matchLabels").fields().forEachRemaining(e -> assertThat(labels.path(e.getKey()).asText())
                    .as("%s: selector %s", name(w), e.getKey()).isEqualTo(e.getValue().asText()));
            assertThat(w.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).as(name(w)).isTrue();
            for (JsonNode c : w.at("/spec/template/spec/containers")) {
                Set<String> ports = new TreeSet<>();
                c.path("ports").forEach(p -> ports.add(p.get("name").asText()));
                assertThat(c.at("/livenessProbe/httpGet/path").asText()).as(name(w)).isEqualTo("/health/live");
                assertThat(c.at("/readinessProbe/httpGet/path").asText()).as(name(w)).isEqualTo("/health/ready");
                assertThat(ports).as(name(w)).contains(c.at("/readinessProbe/httpGet/port").asText(),
                        c.at("/livenessProbe/httpGet/port").asText());
                assertThat(c.at("/image").asText()).as(name(w)).startsWith("pilotwatch/");
                assertThat(c.at("/resources/requests/memory").asText()).as(name(w)).isNotBlank();
            }
        }
    }

    @Test
    void workloadsUseOnlyDocumentedConfigurationAndExistingConfigMapsAndSecrets() throws IOException {
        Set<String> documented = Yaml.documentedVariables();
        assertThat(documented).contains("KAFKA_BOOTSTRAP_SERVERS", "MQTT_SHARED_GROUP", "ANALYTICS_STATE_DIR");
        for (JsonNode w : workloads()) {
            for (JsonNode c : w.at("/spec/template/spec/containers")) {
                List<String> variables = new ArrayList<>();
                for (JsonNode from : c.path("envFrom")) {
                    String map = from.at("/configMapRef/name").asText();
                    assertThat(configMaps).as("%s: ConfigMap %s", name(w), map).containsKey(map);
                    configMaps.get(map).get("data").fieldNames().forEachRemaining(variables::add);
                }
                for (JsonNode env : c.path("env")) {
                    variables.add(env.get("name").asText());
                    String secret = env.at("/valueFrom/secretKeyRef/name").asText("");
                    if (!secret.isEmpty()) {
                        assertThat(secrets).as("%s: Secret %s", name(w), secret).contains(secret);
                    }
                }
                assertThat(variables).as("%s: variables", name(w)).isNotEmpty()
                        .allSatisfy(v -> assertThat(Yaml.isServiceVariable(v, documented))
                                .as("%s sets %s, which docs/configuration.md does not document", name(w), v).isTrue());
            }
            for (JsonNode volume : w.at("/spec/template/spec/volumes")) {
                if (volume.has("configMap")) {
                    assertThat(configMaps).containsKey(volume.at("/configMap/name").asText());
                }
            }
        }
    }

    @Test
    void subscribeReplicasShareTheSubscriptionAndKeepStableBridgeIds() {
        JsonNode ingest = workload("ingest");
        assertThat(ingest.get("kind").asText()).isEqualTo("StatefulSet");
        assertThat(ingest.at("/spec/replicas").asInt()).isGreaterThan(1);
        JsonNode config = configMaps.get("pilotwatch-ingest").get("data");
        assertThat(config.path("MQTT_SHARED_GROUP").asText()).isNotBlank();
        assertThat(config.path("INGEST_MODE").asText("subscribe")).isEqualTo("subscribe");
        assertThat(ingest.at("/spec/template/spec/containers/0/env").toString())
                .contains("INGEST_BRIDGE_ID", "metadata.name");
        assertThat(configMaps.get("pilotwatch-ingest-listen").at("/data/INGEST_MODE").asText()).isEqualTo("listen");
    }

    @Test
    void strimziKafkaIsKraftWithControllerAndBrokerPoolsAndTheTopicsTheServicesUse() {
        JsonNode kafka = only("Kafka");
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1node-pools").asText()).isEqualTo("enabled");
        Set<String> roles = new TreeSet<>();
        for (JsonNode pool : ofKind("KafkaNodePool")) {
            assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(name(kafka));
            pool.at("/spec/roles").forEach(r -> roles.add(r.asText()));
        }
        assertThat(roles).containsExactly("broker", "controller");
        int plainPort = 0;
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            if (!listener.get("tls").asBoolean()) {
                plainPort = listener.get("port").asInt();
            }
        }
        String bootstrap = name(kafka) + "-kafka-bootstrap:" + plainPort;
        for (String map : List.of("pilotwatch-ingest", "pilotwatch-ingest-listen", "pilotwatch-analytics")) {
            assertThat(configMaps.get(map).at("/data/KAFKA_BOOTSTRAP_SERVERS").asText()).as(map).isEqualTo(bootstrap);
        }
        assertThat(ofKind("KafkaTopic")).extracting(KubernetesManifestsTest::name)
                .contains("factory.telemetry.v1", "factory.telemetry.dlq.v1");
    }

    @Test
    void podMonitorsSelectTheWorkloadsWithTheJobNamesOfTheRules() {
        Set<String> jobs = new TreeSet<>();
        for (JsonNode monitor : ofKind("PodMonitor")) {
            String jobLabel = monitor.at("/spec/jobLabel").asText();
            JsonNode selector = monitor.at("/spec/selector/matchLabels");
            List<JsonNode> selected = workloads().stream().filter(w -> matches(selector,
                    w.at("/spec/template/metadata/labels"))).toList();
            assertThat(selected).as("pods selected by %s", name(monitor)).isNotEmpty();
            for (JsonNode w : selected) {
                jobs.add(w.at("/spec/template/metadata/labels").path(jobLabel).asText());
                String port = monitor.at("/spec/podMetricsEndpoints/0/port").asText();
                assertThat(w.at("/spec/template/spec/containers/0/ports").toString()).contains("\"" + port + "\"");
            }
        }
        assertThat(jobs).containsExactly("pilotwatch-analytics", "pilotwatch-ingest");
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        boolean[] all = {true};
        selector.fields().forEachRemaining(e -> all[0] &= e.getValue().asText().equals(labels.path(e.getKey()).asText()));
        return all[0];
    }

    private static List<JsonNode> workloads() {
        return documents.stream().filter(d -> Set.of("Deployment", "StatefulSet").contains(d.get("kind").asText())).toList();
    }

    private static JsonNode workload(String name) {
        return workloads().stream().filter(w -> name(w).equals(name)).findFirst().orElseThrow();
    }

    private static List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> d.get("kind").asText().equals(kind)).toList();
    }

    private static JsonNode only(String kind) {
        List<JsonNode> all = ofKind(kind);
        assertThat(all).as(kind).hasSize(1);
        return all.get(0);
    }

    private static String name(JsonNode document) {
        return document.at("/metadata/name").asText();
    }
}
