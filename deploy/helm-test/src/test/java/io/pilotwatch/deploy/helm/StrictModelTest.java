package io.pilotwatch.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The strict parse is what makes "parses" mean something: a misspelt field must fail, in the Kubernetes, the
 * Prometheus Operator and the Strimzi models alike. Also checked once by breaking a template by hand (templates/
 * ingest.yaml with "terminationGracePeriodSecond:", and strimzi-users.yaml with "operation:" spelt "operatons:"):
 * HelmChartTest.everyRenderedObjectParsesStrictlyIntoItsModel failed naming the field, for every variant.
 */
class StrictModelTest {

    private static final Rendered STRIMZI = new Rendered("strimzi-scram",
            Chart.render(Path.of("src/test/resources/variants/strimzi-scram.yaml")));

    @Test
    void aWellFormedObjectParsesIntoItsModelClass() {
        assertThat(StrictModel.parse(STRIMZI.get("StatefulSet", "pilotwatch-ingest"))).isInstanceOf(StatefulSet.class);
        assertThat(StrictModel.parse(STRIMZI.get("KafkaUser", "pilotwatch-ingest"))).isInstanceOf(KafkaUser.class);
    }

    @Test
    void aMisspeltKubernetesFieldFails() {
        ObjectNode statefulSet = STRIMZI.get("StatefulSet", "pilotwatch-ingest").deepCopy();
        ((ObjectNode) statefulSet.at("/spec/template/spec")).put("terminationGracePeriodSecond", 45);

        assertThatThrownBy(() -> StrictModel.parse(statefulSet)).hasMessageContaining("terminationGracePeriodSecond");
    }

    @Test
    void aMisspeltFieldDeepInAContainerFails() {
        ObjectNode statefulSet = STRIMZI.get("StatefulSet", "pilotwatch-analytics").deepCopy();
        ((ObjectNode) statefulSet.at("/spec/template/spec/containers/0/securityContext")).put("allowPrivilegeEscalaton", false);

        assertThatThrownBy(() -> StrictModel.parse(statefulSet)).hasMessageContaining("allowPrivilegeEscalaton");
    }

    @Test
    void aMisspeltStrimziFieldFails() {
        ObjectNode user = STRIMZI.get("KafkaUser", "pilotwatch-analytics").deepCopy();
        ObjectNode acl = (ObjectNode) user.at("/spec/authorization/acls/0");
        acl.set("operatons", acl.remove("operations"));

        assertThatThrownBy(() -> StrictModel.parse(user)).hasMessageContaining("operatons");
    }

    @Test
    void anUnknownStrimziTypeFails() {
        ObjectNode kafka = STRIMZI.get("Kafka", "pilotwatch").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0/authentication")).put("type", "scram-sha-256");

        assertThatThrownBy(() -> StrictModel.parse(kafka)).hasMessageContaining("scram-sha-256");
    }

    @Test
    void aMisspeltPrometheusOperatorFieldFails() {
        ObjectNode monitor = STRIMZI.get("PodMonitor", "pilotwatch-ingest").deepCopy();
        ((ObjectNode) monitor.at("/spec/podMetricsEndpoints/0")).put("intervall", "15s");

        assertThatThrownBy(() -> StrictModel.parse(monitor)).hasMessageContaining("intervall");
    }

    @Test
    void aKindWithoutAModelFails() {
        JsonNode unknown = Chart.documents("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\n").get(0);

        assertThatThrownBy(() -> StrictModel.parse(unknown)).hasMessageContaining("no model for batch/v1/CronJob");
    }

    @Test
    void aDuplicateKeyInARenderedObjectFails() {
        assertThatThrownBy(() -> Chart.documents("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n"))
                .hasStackTraceContaining("Duplicate field 'name'");
    }
}
