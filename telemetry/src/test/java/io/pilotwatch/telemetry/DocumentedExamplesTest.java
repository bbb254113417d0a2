package io.pilotwatch.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract documents and the codec must agree: every example in docs/telemetry.md and docs/asyncapi.yaml
 * is decoded with the codec and validated with the JSON Schemas of asyncapi.yaml.
 */
class DocumentedExamplesTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern MOSQUITTO_PUB = Pattern.compile(
            "mosquitto_pub [^\\n]*?-t '([^']+)' \\\\\\n\\s*-m '([^']+)'");
    private static final Pattern REJECTION_ROW = Pattern.compile(
            "^\\| `(factory/[^`]*)` \\| `(.*)` \\| `([a-z_]+)` \\| (yes|no) \\|$", Pattern.MULTILINE);
    private static final Map<Kind, String> SCHEMA_OF_KIND = Map.of(Kind.UNIT, "UnitPayload",
            Kind.PROFILE, "ProfilePayload", Kind.STATE, "StatePayload", Kind.COST, "CostPayload");

    private static String telemetryMd;
    private static JsonNode asyncApi;
    private final TelemetryCodec codec = new TelemetryCodec();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void readDocs() throws IOException {
        telemetryMd = Files.readString(DOCS.resolve("telemetry.md"));
        asyncApi = new YAMLMapper().readTree(DOCS.resolve("asyncapi.yaml").toFile());
    }

    @Test
    void everyMosquittoPubExampleIsAcceptedByCodecAndSchema() {
        Matcher matcher = MOSQUITTO_PUB.matcher(telemetryMd);
        List<Kind> kinds = new ArrayList<>();
        while (matcher.find()) {
            String topic = matcher.group(1);
            String payload = matcher.group(2);

            DecodeResult result = codec.decode(topic, payload.getBytes(StandardCharsets.UTF_8));

            assertThat(result).as("codec on %s %s", topic, payload).isInstanceOf(DecodeResult.Accepted.class);
            Kind kind = ((DecodeResult.Accepted) result).event().kind();
            assertThat(schemaErrors(SCHEMA_OF_KIND.get(kind), payload)).as("schema on %s", payload).isEmpty();
            kinds.add(kind);
        }
        assertThat(kinds).as("one example per kind at least").containsAll(List.of(Kind.values()));
    }

    @Test
    void everyDocumentedRejectionGivesItsReasonAndTheSchemaAgrees() {
        Matcher row = REJECTION_ROW.matcher(telemetryMd);
        int rows = 0;
        while (row.find()) {
            String topic = row.group(1);
            String payload = row.group(2);
            String reason = row.group(3);
            boolean schemaRejects = row.group(4).equals("yes");

            DecodeResult result = codec.decode(topic, payload.getBytes(StandardCharsets.UTF_8));

            assertThat(result).as("codec on %s %s", topic, payload).isInstanceOf(DecodeResult.Rejected.class);
            assertThat(((DecodeResult.Rejected) result).reason().wireName()).as("reason of %s", payload).isEqualTo(reason);
            if (schemaRejects) {
                String schema = SCHEMA_OF_KIND.get(TopicAddress.tryParse(topic).orElseThrow().kind());
                assertThat(schemaErrors(schema, payload)).as("schema %s on %s", schema, payload).isNotEmpty();
            }
            rows++;
        }
        assertThat(rows).as("rejection rows found").isGreaterThanOrEqualTo(RejectReason.values().length);
    }

    @Test
    void everyRejectReasonIsDocumentedInBothDocuments() {
        JsonNode reasonEnum = asyncApi.at("/components/schemas/RejectHeaders/properties/error.reason/enum");
        List<String> inAsyncApi = new ArrayList<>();
        reasonEnum.forEach(node -> inAsyncApi.add(node.asText()));

        for (RejectReason reason : RejectReason.values()) {
            assertThat(telemetryMd).contains("| `" + reason.wireName() + "` |");
        }
        assertThat(inAsyncApi).containsExactlyInAnyOrder(
                java.util.Arrays.stream(RejectReason.values()).map(RejectReason::wireName).toArray(String[]::new));
    }

    @Test
    void everyAsyncApiMqttExampleIsAcceptedByCodecAndSchema() {
        int examples = 0;
        for (Kind kind : Kind.values()) {
            String address = asyncApi.at("/channels/" + kind.wireName() + "/address").asText();
            assertThat(address).isEqualTo("factory/v1/{plant}/{line}/{station}/" + kind.wireName());
            String topic = new StationId("hz-gearbox", "l1", "eol").mqttTopic(kind);
            for (JsonNode example : asyncApi.at("/components/messages/" + kind.wireName() + "/examples")) {
                String payload = example.get("payload").toString();

                DecodeResult result = codec.decode(topic, payload.getBytes(StandardCharsets.UTF_8));

                assertThat(result).as("codec on example %s", example.get("name")).isInstanceOf(DecodeResult.Accepted.class);
                assertThat(schemaErrors(SCHEMA_OF_KIND.get(kind), payload)).isEmpty();
                examples++;
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(Kind.values().length);
    }

    @Test
    void normalizedExamplesMatchTheCodecOutput() throws IOException {
        JsonNode example = asyncApi.at("/components/messages/normalized/examples/0/payload");
        String fromMd = extractJsonBlock();

        for (String normalized : List.of(example.toString(), fromMd)) {
            DecodeResult result = codec.decodeNormalized(normalized.getBytes(StandardCharsets.UTF_8));
            assertThat(result).as("codec on %s", normalized).isInstanceOf(DecodeResult.Accepted.class);
            TelemetryEvent event = ((DecodeResult.Accepted) result).event();
            JsonNode written = json.readTree(codec.encodeNormalized(event));
            assertThat(written).as("the codec writes exactly the documented form").isEqualTo(json.readTree(normalized));
            assertThat(schemaErrors("NormalizedEvent", normalized)).isEmpty();
        }
    }

    @Test
    void codecOutputForEveryKindIsValidAgainstTheNormalizedSchema() {
        Matcher matcher = MOSQUITTO_PUB.matcher(telemetryMd);
        while (matcher.find()) {
            DecodeResult.Accepted accepted = (DecodeResult.Accepted) codec.decode(matcher.group(1),
                    matcher.group(2).getBytes(StandardCharsets.UTF_8));
            byte[] normalized = codec.encodeNormalized(accepted.event().withReceivedAt(Instant.EPOCH));

            assertThat(schemaErrors("NormalizedEvent", new String(normalized, StandardCharsets.UTF_8))).isEmpty();
        }
    }

    @Test
    void normalizedSchemaRejectsARecordWithoutIdentity() {
        assertThat(schemaErrors("NormalizedEvent", "{\"seq\":1,\"ts\":0,\"receivedAt\":0,\"state\":\"idle\"}"))
                .isNotEmpty();
    }

    private static String extractJsonBlock() {
        int start = telemetryMd.indexOf("```json");
        int end = telemetryMd.indexOf("```", start + 7);
        return telemetryMd.substring(start + 7, end).trim();
    }

    /** Validates {@code instance} against {@code components.schemas.<name>} of asyncapi.yaml (draft 7). */
    private List<Error> schemaErrors(String name, String instance) {
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$ref", "#/components/schemas/" + name);
        root.putObject("components").set("schemas", asyncApi.at("/components/schemas"));
        assertThat(asyncApi.at("/components/schemas/" + name).isMissingNode()).as("schema %s exists", name).isFalse();
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(root.toString(), InputFormat.JSON);
        return schema.validate(instance, InputFormat.JSON);
    }
}
