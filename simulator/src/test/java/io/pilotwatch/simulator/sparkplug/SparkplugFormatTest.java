package io.pilotwatch.simulator.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.simulator.TestRuns;
import io.pilotwatch.simulator.faults.FaultSettings;
import io.pilotwatch.simulator.publish.Outgoing;
import io.pilotwatch.simulator.publish.SessionStart;
import io.pilotwatch.simulator.run.PayloadFormat;
import io.pilotwatch.simulator.run.RunOptions;
import io.pilotwatch.telemetry.Kind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.model.MetricDataTypeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --payload-format sparkplug}: the same events as JSON, as Tahu reads them. */
class SparkplugFormatTest {

    @TempDir
    Path dir;

    private TestRuns.Result run(PayloadFormat format) {
        RunOptions options = TestRuns.options("default", "2017-02-20", "2017-03-02", 42, FaultSettings.NONE,
                dir.resolve(format + ".json"));
        return TestRuns.run(TestRuns.withFormat(options, format));
    }

    @Test
    void theSameScenarioAndSeedPublishTheSameEventsAndTheSameTruth() throws Exception {
        TestRuns.Result json = run(PayloadFormat.JSON);
        TestRuns.Result sparkplug = run(PayloadFormat.SPARKPLUG);

        assertThat(sparkplug.published()).hasSameSizeAs(json.published());
        assertThat(sparkplug.truth().at("/messages/real")).isEqualTo(json.truth().at("/messages/real"));
        assertThat(sparkplug.truth().at("/plants")).isEqualTo(json.truth().at("/plants"));
        assertThat(sparkplug.published()).allSatisfy(m -> {
            assertThat(m.topic()).matches("spBv1\\.0/[a-z0-9-]+/(DBIRTH|DDATA)/[a-z0-9-]+/[a-z0-9-]+");
            assertThat(m.retained()).isFalse();
        });
        Map<String, Long> jsonKinds = count(json.published());
        assertThat(count(sparkplug.published())).isEqualTo(jsonKinds);
    }

    @Test
    void tahuReadsBirthsWithAliasesAndTypesThenDataByAliasWithSeqUpByOnePerEdgeNode() throws Exception {
        List<Outgoing> published = run(PayloadFormat.SPARKPLUG).published();
        SparkplugBPayloadDecoder decoder = new SparkplugBPayloadDecoder();
        Map<String, MetricDataTypeMap> typesByNode = new HashMap<>();
        Map<String, Long> lastSeq = new HashMap<>();
        Map<String, Long> results = new TreeMap<>();
        int wraps = 0;
        for (Outgoing message : published) {
            String[] parts = message.topic().split("/");
            String node = parts[1] + "/" + parts[3];
            MetricDataTypeMap types = typesByNode.computeIfAbsent(node, n -> new MetricDataTypeMap());
            SparkplugBPayload payload = decoder.buildFromByteArray(message.payload(), types);
            long expected = (lastSeq.getOrDefault(node, 0L) + 1) % 256;
            assertThat(payload.getSeq()).as("seq of %s", message.topic()).isEqualTo(expected);
            wraps += expected == 0 ? 1 : 0;
            lastSeq.put(node, payload.getSeq());
            if (parts[2].equals("DBIRTH")) {
                for (Metric metric : payload.getMetrics()) {
                    assertThat(metric.hasName()).isTrue();
                    assertThat(metric.hasAlias()).isTrue();
                    types.addMetricDataType(metric.getAlias(), metric.getDataType());
                }
            } else {
                assertThat(payload.getMetrics()).allSatisfy(metric -> {
                    assertThat(metric.hasName()).as("DATA by alias only").isFalse();
                    assertThat(metric.getValue()).isNotNull();
                    assertThat(metric.getTimestamp()).isEqualTo(payload.getTimestamp());
                });
                if (message.kind() == Kind.UNIT) {
                    results.merge(String.valueOf(payload.getMetrics().get(1).getValue()), 1L, Long::sum);
                }
            }
        }
        assertThat(wraps).as("seq went from 255 back to 0").isPositive();
        assertThat(results.keySet()).contains("OK", "NOK");
    }

    @Test
    void eachSessionHasANewBdSeqWithTheNdeathAsWillAndRepeatsTheBirths() throws Exception {
        SparkplugEncoder encoder = new SparkplugEncoder(List.<String[]>of(new String[] {"p1", "l1"}));
        SessionStart session = encoder.sessions().get(0);
        SparkplugBPayloadDecoder decoder = new SparkplugBPayloadDecoder();

        SessionStart.Birth first = session.next();
        SparkplugBPayload nbirth = decoder.buildFromByteArray(first.births().get(0).payload(), null);
        SparkplugBPayload will = decoder.buildFromByteArray(first.willPayload(), null);
        SessionStart.Birth second = session.next();

        assertThat(first.births()).extracting(Outgoing::topic).containsExactly("spBv1.0/p1/NBIRTH/l1");
        assertThat(nbirth.getSeq()).isZero();
        assertThat(bdSeq(nbirth)).isZero();
        assertThat(first.willTopic()).isEqualTo("spBv1.0/p1/NDEATH/l1");
        assertThat(bdSeq(will)).isZero();
        assertThat(bdSeq(decoder.buildFromByteArray(second.willPayload(), null))).isEqualTo(1);
    }

    private static long bdSeq(SparkplugBPayload payload) {
        return ((Number) payload.getMetrics().stream().filter(m -> m.getName().equals("bdSeq")).findFirst()
                .orElseThrow().getValue()).longValue();
    }

    private static Map<String, Long> count(List<Outgoing> messages) {
        Map<String, Long> counts = new TreeMap<>();
        messages.forEach(m -> counts.merge(m.kind().wireName(), 1L, Long::sum));
        return counts;
    }
}
