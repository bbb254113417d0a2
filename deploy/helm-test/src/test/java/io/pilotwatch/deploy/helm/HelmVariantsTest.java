package io.pilotwatch.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.common.metrics.JmxPrometheusExporterMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each documented variant must install, read from its rendered objects. Checked by breaking the chart once:
 * the TLS mount moved to /etc/pilotwatch/certs failed everyFileAServiceIsGivenIsMountedFromTheRightVolume (listen-tls),
 * and the SCRAM Secret name changed in _helpers.tpl failed strimziMakesAKraftCluster... (the user's Secret).
 */
class HelmVariantsTest {

    private static Map<String, Rendered> renderings;

    @BeforeAll
    static void render() throws Exception {
        if (HelmChartTest.renderings == null) {
            HelmChartTest.render();
        }
        renderings = HelmChartTest.renderings;
    }

    static java.util.stream.Stream<String> variants() {
        return HelmChartTest.variants();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyFileAServiceIsGivenIsMountedFromTheRightVolume(String variant) {
        Rendered r = renderings.get(variant);
        for (JsonNode w : r.workloads()) {
            JsonNode container = w.at("/spec/template/spec/containers/0");
            r.environment(w).forEach((name, value) -> {
                if (value.startsWith("/etc/pilotwatch/") || value.startsWith("/var/lib/")) {
                    List<String> mounts = new ArrayList<>();
                    container.path("volumeMounts").forEach(m -> mounts.add(m.get("mountPath").asText() + "/"));
                    assertThat(mounts).as("%s: %s=%s is under a volume mount", variant, name, value)
                            .anyMatch(mount -> (value + "/").startsWith(mount));
                }
            });
        }
    }

    @Test
    void theDefaultsInstallSubscribeModeAndAnalyticsOnAnExistingKafka() {
        Rendered r = renderings.get("default");
        JsonNode ingest = r.get("StatefulSet", "pilotwatch-ingest");
        assertThat(r.environment(ingest)).containsEntry("INGEST_MODE", "subscribe")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092").containsEntry("MQTT_SHARED_GROUP", "pilotwatch-ingest")
                .containsEntry("INGEST_BRIDGE_ID", "field:metadata.name").doesNotContainKey("MQTT_PASSWORD");
        JsonNode analytics = r.get("StatefulSet", "pilotwatch-analytics");
        assertThat(analytics.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(analytics.at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("state");
        assertThat(r.environment(analytics)).containsEntry("ANALYTICS_STATE_DIR", "/var/lib/pilotwatch-analytics")
                .containsEntry("ANALYTICS_APPLICATION_ID", "pilotwatch-analytics")
                .containsEntry("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1")
                // Each pod advertises its stable DNS name: every instance serves every plant's scorecard.
                .containsEntry("HTTP_ADVERTISED_ADDRESS",
                        "$(POD_NAME).pilotwatch-analytics-headless.$(POD_NAMESPACE).svc:8081")
                .containsEntry("POD_NAME", "field:metadata.name");
        assertThat(r.ofKind("Secret")).isEmpty();
        assertThat(r.objects()).noneMatch(o -> o.path("apiVersion").asText().startsWith("kafka.strimzi.io"));
        assertThat(r.ofKind("PodMonitor")).hasSize(2);
        assertThat(r.ofKind("PodDisruptionBudget")).hasSize(2);
        assertThat(r.ofKind("NetworkPolicy")).hasSize(2);
    }

    @Test
    void listenModeWithTlsServesDevicesOverALoadBalancerWithTheMountedCertificate() {
        Rendered r = renderings.get("listen-tls");
        JsonNode ingest = r.get("Deployment", "pilotwatch-ingest");
        assertThat(r.ofKind("StatefulSet")).extracting(o -> o.at("/metadata/name").asText()).containsExactly("pilotwatch-analytics");
        assertThat(r.environment(ingest)).containsEntry("INGEST_MODE", "listen")
                .containsEntry("INGEST_LISTEN_TLS_CERT", "/etc/pilotwatch/tls/tls.crt")
                .containsEntry("INGEST_LISTEN_TLS_KEY", "/etc/pilotwatch/tls/tls.key")
                .containsEntry("INGEST_LISTEN_TLS_CLIENT_CA", "/etc/pilotwatch/client-ca/ca.crt")
                .containsEntry("INGEST_LISTEN_CREDENTIALS_FILE", "/etc/pilotwatch/credentials/devices")
                .doesNotContainKeys("MQTT_URL", "INGEST_LISTEN_ANONYMOUS");
        assertThat(volumeSecrets(ingest)).containsEntry("tls", "pilotwatch-ingest-tls")
                .containsEntry("client-ca", "pilotwatch-device-ca").containsEntry("credentials", "pilotwatch-device-credentials");
        assertThat(r.ofKind("Secret")).as("existing Secrets are used, none created").isEmpty();

        JsonNode service = r.get("Service", "pilotwatch-ingest-mqtt");
        assertThat(service.at("/spec/type").asText()).isEqualTo("LoadBalancer");
        assertThat(service.at("/spec/externalTrafficPolicy").asText()).isEqualTo("Local");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8883);
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("mqtt");
        assertThat(ingest.at("/spec/template/spec/containers/0/ports").toString()).contains("\"name\":\"mqtt\"", "1883");

        JsonNode policy = r.get("NetworkPolicy", "pilotwatch-ingest");
        assertThat(policy.at("/spec/ingress").toString()).contains("{\"protocol\":\"TCP\",\"port\":\"mqtt\"}");
        assertThat(policy.at("/spec/egress").toString()).as("no MQTT broker to reach in listen mode").doesNotContain("1883");
    }

    @Test
    void subscribeModeTakesThePasswordFromASecretAndKafkaSecurityFromValues() {
        Rendered r = renderings.get("subscribe");
        JsonNode ingest = r.get("StatefulSet", "pilotwatch-ingest");
        assertThat(r.environment(ingest)).containsEntry("MQTT_URL", "ssl://mosquitto.plant-mqtt.svc:8883")
                .containsEntry("MQTT_PASSWORD", "secret:pilotwatch-ingest-mqtt/MQTT_PASSWORD")
                .containsEntry("KAFKA_PRODUCER_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_PRODUCER_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_PRODUCER_SASL_JAAS_CONFIG", "secret:plant-kafka-pilotwatch/sasl.jaas.config");
        assertThat(r.environment(r.get("StatefulSet", "pilotwatch-analytics")))
                .containsEntry("KAFKA_STREAMS_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_STREAMS_SASL_JAAS_CONFIG", "secret:plant-kafka-pilotwatch/sasl.jaas.config");
        assertThat(volumeSecrets(ingest)).containsEntry("mqtt-truststore", "plant-mqtt-ca");
        assertThat(ingest.at("/spec/template/spec/containers/0/volumeMounts").toString()).contains("/etc/pilotwatch/mqtt-truststore");
        assertThat(r.environment(ingest).get("JAVA_TOOL_OPTIONS")).contains("-Djavax.net.ssl.trustStore=/etc/pilotwatch/mqtt-truststore/ca.p12");
        JsonNode secret = r.get("Secret", "pilotwatch-ingest-mqtt");
        assertThat(new String(Base64.getDecoder().decode(secret.at("/data/MQTT_PASSWORD").asText()), StandardCharsets.UTF_8))
                .isEqualTo("change-me");
        assertThat(r.get("ConfigMap", "pilotwatch-ingest").toString()).as("no secret in a ConfigMap").doesNotContain("change-me");
    }

    @Test
    void strimziMakesAKraftClusterWithScramListenersUsersAndMetrics() throws Exception {
        Rendered r = renderings.get("strimzi-scram");
        Kafka kafka = (Kafka) StrictModel.parse(r.get("Kafka", "pilotwatch"));
        assertThat(kafka.getMetadata().getAnnotations()).as("no strimzi.io/kraft or node-pools annotations").isNullOrEmpty();
        assertThat(kafka.getSpec().getZookeeper()).isNull();
        assertThat(kafka.getSpec().getKafka().getReplicas()).as("replicas and storage live in the node pools").isNull();
        GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().get(0);
        assertThat(listener.getAuth()).isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
        assertThat(listener.isTls()).isTrue();
        assertThat(listener.getPort()).isEqualTo(9093);
        assertThat(kafka.getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);
        JmxPrometheusExporterMetrics metrics = (JmxPrometheusExporterMetrics) kafka.getSpec().getKafka().getMetricsConfig();
        String metricsMap = metrics.getValueFrom().getConfigMapKeyRef().getName();
        // The JMX exporter's configuration is YAML inside the ConfigMap: parse it, and compile its patterns as the
        // exporter does (java.util.regex).
        JsonNode exporter = Chart.YAML.readTree(r.get("ConfigMap", metricsMap)
                .at("/data/" + metrics.getValueFrom().getConfigMapKeyRef().getKey()).asText());
        assertThat(exporter.at("/rules").size()).isGreaterThan(5);
        exporter.at("/rules").forEach(rule -> assertThatCode(() -> java.util.regex.Pattern.compile(rule.get("pattern").asText()))
                .as(rule.toString()).doesNotThrowAnyException());
        assertThat(r.get("PodMonitor", "pilotwatch-kafka").at("/spec/podMetricsEndpoints/0/port").asText()).isEqualTo("tcp-prometheus");

        assertThat(r.ofKind("KafkaNodePool")).extracting(p -> p.at("/spec/roles").toString())
                .containsExactlyInAnyOrder("[\"controller\"]", "[\"broker\"]");
        assertThat(r.ofKind("KafkaNodePool")).allMatch(p -> p.at("/metadata/labels/strimzi.io~1cluster").asText().equals("pilotwatch"));
        assertThat(r.ofKind("KafkaTopic")).extracting(t -> t.at("/spec/topicName").asText() + " " + t.at("/spec/config/cleanup.policy").asText("delete"))
                .containsExactlyInAnyOrder("factory.telemetry.v1 delete", "factory.telemetry.dlq.v1 delete",
                        "factory.kpi.v1 compact", "factory.baselines.v1 compact");

        assertThat(acls(r, "pilotwatch-ingest")).containsExactlyInAnyOrder(
                "topic factory.telemetry.v1 literal [Write, Describe]",
                "topic factory.telemetry.dlq.v1 literal [Write, Describe]",
                "cluster [IdempotentWrite]");
        assertThat(acls(r, "pilotwatch-analytics")).contains(
                "topic factory.telemetry.v1 literal [Read, Describe, DescribeConfigs]",
                "topic pilotwatch-analytics prefix [All]",
                "group pilotwatch-analytics prefix [Read, Describe]",
                "transactionalId pilotwatch-analytics prefix [Write, Describe]",
                "cluster [IdempotentWrite]");
        assertThat(r.ofKind("KafkaUser")).allMatch(u -> u.at("/spec/authentication/type").asText().equals("scram-sha-512"));

        for (String service : List.of("ingest", "analytics")) {
            JsonNode w = r.get("StatefulSet", "pilotwatch-" + service);
            String prefix = service.equals("ingest") ? "KAFKA_PRODUCER_" : "KAFKA_STREAMS_";
            assertThat(r.environment(w)).as(service)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "pilotwatch-kafka-bootstrap:9093")
                    .containsEntry(prefix + "SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry(prefix + "SASL_MECHANISM", "SCRAM-SHA-512")
                    // The KafkaUser's Secret, made by the User Operator under the user's name.
                    .containsEntry(prefix + "SASL_JAAS_CONFIG", "secret:pilotwatch-" + service + "/sasl.jaas.config")
                    .containsEntry(prefix + "SSL_TRUSTSTORE_TYPE", "PEM")
                    .containsEntry(prefix + "SSL_TRUSTSTORE_LOCATION", "/etc/pilotwatch/kafka-ca/ca.crt");
            assertThat(r.has("KafkaUser", "pilotwatch-" + service)).isTrue();
            assertThat(volumeSecrets(w)).containsEntry("kafka-ca", "pilotwatch-cluster-ca-cert");
            assertThat(r.get("NetworkPolicy", "pilotwatch-" + service).at("/spec/egress").toString())
                    .contains("{\"strimzi.io/cluster\":\"pilotwatch\"}");
        }
    }

    @Test
    void strimziWithMutualTlsGivesTheServicesTheirUsersCertificates() {
        Rendered r = renderings.get("strimzi-mtls");
        assertThat(r.get("Kafka", "pilotwatch").at("/spec/kafka/listeners/0/authentication/type").asText()).isEqualTo("tls");
        assertThat(r.ofKind("KafkaUser")).allMatch(u -> u.at("/spec/authentication/type").asText().equals("tls"));
        assertThat(r.environment(r.get("StatefulSet", "pilotwatch-ingest")))
                .containsEntry("KAFKA_PRODUCER_SECURITY_PROTOCOL", "SSL")
                .containsEntry("KAFKA_PRODUCER_SSL_KEYSTORE_TYPE", "PEM")
                .containsEntry("KAFKA_PRODUCER_SSL_KEYSTORE_CERTIFICATE_CHAIN", "secret:pilotwatch-ingest/user.crt")
                .containsEntry("KAFKA_PRODUCER_SSL_KEYSTORE_KEY", "secret:pilotwatch-ingest/user.key")
                .doesNotContainKey("KAFKA_PRODUCER_SASL_JAAS_CONFIG");
    }

    @Test
    void threeReplicasOfEachWithDisruptionBudgets() {
        Rendered r = renderings.get("replicas-3");
        assertThat(r.get("StatefulSet", "pilotwatch-ingest").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(r.get("StatefulSet", "pilotwatch-analytics").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(r.ofKind("PodDisruptionBudget")).allMatch(p -> p.at("/spec/maxUnavailable").asInt() == 1).hasSize(2);
    }

    @Test
    void aMissingRequiredValueFailsNamingIt() {
        assertThatThrownBy(() -> Chart.render(null, Map.of("ingest.mode", "listen", "ingest.listen.devices", "d * h")))
                .hasMessageContaining("ingest.listen.tls.existingSecret");
        assertThatThrownBy(() -> Chart.render(null, Map.of("ingest.mode", "listen", "ingest.listen.tls.enabled", "false")))
                .hasMessageContaining("ingest.listen.devices or ingest.listen.existingSecret");
        assertThatThrownBy(() -> Chart.render(null, Map.of("ingest.mode", "broker")))
                .hasMessageContaining("ingest.mode must be subscribe or listen");
        assertThatThrownBy(() -> Chart.render(null, Map.of("strimzi.enabled", "true", "strimzi.listenerTls", "false",
                "strimzi.authentication", "tls"))).hasMessageContaining("strimzi.listenerTls");
    }

    /** Volume name -> Secret name of a workload's secret volumes. */
    private static Map<String, String> volumeSecrets(JsonNode workload) {
        Map<String, String> secrets = new java.util.TreeMap<>();
        workload.at("/spec/template/spec/volumes").forEach(v -> {
            if (v.has("secret")) {
                secrets.put(v.get("name").asText(), v.at("/secret/secretName").asText());
            }
        });
        return secrets;
    }

    /** A KafkaUser's ACLs as "type name patternType [operations]" ("cluster [ops]" for the cluster). */
    private static List<String> acls(Rendered r, String user) {
        List<String> acls = new ArrayList<>();
        for (JsonNode acl : r.get("KafkaUser", user).at("/spec/authorization/acls")) {
            JsonNode res = acl.get("resource");
            List<String> operations = new ArrayList<>();
            acl.get("operations").forEach(o -> operations.add(o.asText()));
            acls.add(res.get("type").asText().equals("cluster") ? "cluster " + operations
                    : res.get("type").asText() + " " + res.get("name").asText() + " " + res.get("patternType").asText() + " " + operations);
        }
        return acls;
    }
}
