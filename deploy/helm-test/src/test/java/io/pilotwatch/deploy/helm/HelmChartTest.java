package io.pilotwatch.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/helm/pilotwatch without a cluster: the real Helm library lints the chart and renders it for the default
 * values and each documented variant (src/test/resources/variants); every rendered object must parse strictly into
 * its model class (fabric8 Kubernetes and Prometheus Operator models, Strimzi's api), every pod meet the
 * "restricted" Pod Security Standard, every reference between the objects resolve, every environment variable be
 * a documented configuration key, and the shipped rules and dashboards be exactly deploy/prometheus/rules and
 * deploy/grafana/dashboards.
 */
class HelmChartTest {

    static final Path VARIANTS = Path.of("src/test/resources/variants");
    private static final Pattern DOCUMENTED_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    /**
     * Variables that are not service keys: what the images' JVM reads, and the pod's own name and namespace (from
     * the downward API) that HTTP_ADVERTISED_ADDRESS is built from.
     */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "POD_NAME", "POD_NAMESPACE");

    static Map<String, Rendered> renderings;

    @BeforeAll
    static void render() throws IOException {
        renderings = new LinkedHashMap<>();
        renderings.put("default", new Rendered("default", Chart.render(null)));
        try (Stream<Path> files = Files.list(VARIANTS)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replace(".yaml", "");
                renderings.put(name, new Rendered(name, Chart.render(file)));
            }
        }
    }

    static Stream<String> variants() {
        return Stream.of("default", "listen-tls", "subscribe", "strimzi-scram", "strimzi-mtls", "replicas-3");
    }

    @Test
    void lintsWithoutErrorsOrWarnings() {
        LintResult lint = Chart.lint();

        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).as("lint messages").noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void everyVariantIsRendered() {
        assertThat(renderings.keySet()).containsExactlyInAnyOrderElementsOf(variants().toList());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyRenderedObjectParsesStrictlyIntoItsModel(String variant) {
        Rendered rendered = renderings.get(variant);
        assertThat(rendered.objects()).isNotEmpty();
        for (JsonNode object : rendered.objects()) {
            assertThatCode(() -> StrictModel.parse(object)).as(variant).doesNotThrowAnyException();
            assertThat(object.at("/metadata/name").asText()).as("name of %s", StrictModel.type(object))
                    .matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyPodMeetsTheRestrictedPodSecurityStandard(String variant) {
        List<JsonNode> workloads = renderings.get(variant).workloads();
        assertThat(workloads).as(variant).isNotEmpty();
        for (JsonNode w : workloads) {
            String name = variant + " " + w.at("/metadata/name").asText();
            JsonNode pod = w.at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).as(name).isEqualTo("RuntimeDefault");
            for (String hostAccess : List.of("hostNetwork", "hostPID", "hostIPC")) {
                assertThat(pod.path(hostAccess).asBoolean(false)).as("%s %s", name, hostAccess).isFalse();
            }
            for (JsonNode volume : pod.path("volumes")) {
                Set<String> fields = new TreeSet<>();
                volume.fieldNames().forEachRemaining(fields::add);
                fields.remove("name");
                assertThat(fields).as("%s volume %s", name, volume.path("name").asText())
                        .isSubsetOf("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
                                "projected", "secret");
            }
            List<JsonNode> containers = new ArrayList<>();
            pod.path("containers").forEach(containers::add);
            pod.path("initContainers").forEach(containers::add);
            for (JsonNode c : containers) {
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("allowPrivilegeEscalation").isBoolean() && !sc.get("allowPrivilegeEscalation").asBoolean())
                        .as("%s allowPrivilegeEscalation: false", name).isTrue();
                assertThat(sc.at("/capabilities/drop").toString()).as("%s drops ALL capabilities", name).isEqualTo("[\"ALL\"]");
                assertThat(sc.at("/capabilities/add").isMissingNode()).as("%s adds no capability", name).isTrue();
                assertThat(sc.path("privileged").asBoolean(false)).as(name).isFalse();
                assertThat(sc.path("runAsNonRoot").asBoolean(true)).as(name).isTrue();
                assertThat(sc.path("runAsUser").asInt(1)).as("%s runAsUser", name).isNotZero();
                assertThat(sc.at("/seccompProfile/type").asText("RuntimeDefault")).as(name).isIn("RuntimeDefault", "Localhost");
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as("%s read-only root", name).isTrue();
                c.path("ports").forEach(p -> assertThat(p.has("hostPort")).as("%s hostPort", name).isFalse());
                assertThat(c.at("/resources/limits/memory").asText()).as("%s memory limit", name).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void selectorsMatchThePodsAndReferencesResolve(String variant) {
        Rendered r = renderings.get(variant);
        List<JsonNode> podLabels = r.workloads().stream().map(w -> w.at("/spec/template/metadata/labels")).toList();
        for (JsonNode w : r.workloads()) {
            assertThat(matches(w.at("/spec/selector/matchLabels"), w.at("/spec/template/metadata/labels")))
                    .as("%s: %s selects its own pods", variant, w.at("/metadata/name").asText()).isTrue();
        }
        Map<String, JsonNode> selectors = new LinkedHashMap<>();
        r.ofKind("Service").forEach(s -> selectors.put("Service " + s.at("/metadata/name").asText(), s.at("/spec/selector")));
        r.ofKind("PodDisruptionBudget").forEach(p -> selectors.put("PDB " + p.at("/metadata/name").asText(), p.at("/spec/selector/matchLabels")));
        r.ofKind("NetworkPolicy").forEach(p -> selectors.put("NetworkPolicy " + p.at("/metadata/name").asText(), p.at("/spec/podSelector/matchLabels")));
        r.ofKind("PodMonitor").stream().filter(m -> !m.at("/spec/selector/matchLabels").has("strimzi.io/cluster"))
                .forEach(m -> selectors.put("PodMonitor " + m.at("/metadata/name").asText(), m.at("/spec/selector/matchLabels")));
        selectors.forEach((what, selector) -> assertThat(podLabels.stream().filter(labels -> matches(selector, labels)).count())
                .as("%s: pods selected by %s", variant, what).isEqualTo(1));

        for (JsonNode w : r.workloads()) {
            JsonNode pod = w.at("/spec/template/spec");
            pod.at("/containers/0/envFrom").forEach(e -> assertThat(r.has("ConfigMap", e.at("/configMapRef/name").asText()))
                    .as("%s: ConfigMap %s", variant, e.at("/configMapRef/name").asText()).isTrue());
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("configMap")) {
                    assertThat(r.has("ConfigMap", volume.at("/configMap/name").asText())).as("%s: %s", variant, volume).isTrue();
                }
            }
            for (JsonNode port : pod.at("/containers/0/ports")) {
                assertThat(port.path("containerPort").asInt()).as("non-privileged port").isGreaterThan(1024);
            }
        }
        for (JsonNode monitor : r.ofKind("PodMonitor")) {
            assertThat(monitor.at("/metadata/labels/release").asText()).as("selected by kube-prometheus-stack")
                    .isEqualTo("kube-prometheus-stack");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void servicesGetOnlyDocumentedConfigurationKeys(String variant) throws IOException {
        Set<String> documented = documentedVariables();
        Rendered r = renderings.get(variant);
        for (JsonNode w : r.workloads()) {
            for (String name : r.environment(w).keySet()) {
                assertThat(documented.contains(name) || JVM_VARIABLES.contains(name)
                        || name.startsWith("KAFKA_PRODUCER_") || name.startsWith("KAFKA_STREAMS_"))
                        .as("%s: %s sets %s, not in docs/configuration.md", variant, w.at("/metadata/name").asText(), name)
                        .isTrue();
            }
        }
    }

    @Test
    void thePrometheusRulesAreTheRuleFilesOfDeployPrometheus() throws IOException {
        List<JsonNode> rules = renderings.get("default").ofKind("PrometheusRule");
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("../prometheus/rules"))) {
            files = list.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rules).hasSameSizeAs(files);
        for (Path file : files) {
            JsonNode expected = Chart.YAML.readTree(file.toFile());
            String name = "pilotwatch-" + file.getFileName().toString().replace(".yml", "").replace("pilotwatch-", "");
            JsonNode rule = renderings.get("default").get("PrometheusRule", name);
            assertThat(rule.get("spec")).as("%s equals %s", name, file).isEqualTo(expected);
            assertThat(rule.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
        }
    }

    @Test
    void theDashboardConfigMapsAreTheDashboardsOfDeployGrafana() throws IOException {
        List<JsonNode> maps = renderings.get("default").ofKind("ConfigMap").stream()
                .filter(m -> m.at("/metadata/labels/grafana_dashboard").asText().equals("1")).toList();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("../grafana/dashboards"))) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        assertThat(maps).hasSameSizeAs(files);
        for (Path file : files) {
            String key = file.getFileName().toString();
            JsonNode map = maps.stream().filter(m -> m.path("data").has(key)).findFirst().orElseThrow(() -> new AssertionError(key));
            assertThat(map.at("/data").size()).isEqualTo(1);
            assertThat(map.at("/data/" + key.replace("~", "~0").replace("/", "~1")).asText())
                    .as(key).isEqualTo(Files.readString(file).stripTrailing());
        }
    }

    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        var it = selector.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    static Set<String> documentedVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = DOCUMENTED_VARIABLE.matcher(Files.readString(Path.of("../../docs/configuration.md")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
