package io.pilotwatch.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite's summary puts each target next to its reference from the same run. */
class BenchmarkSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String INGEST = """
            {"machine":"test","bridgeHeap":"256m",
             "A":{"deliveredPerSecond":10000},"B":{"deliveredPerSecond":9500},"C":{"deliveredPerSecond":40000},
             "E":{"B":{"targetPerSecond":4750,"arrivalP99Millis":30},
                  "C":{"targetPerSecond":20000,"publishAckP99Millis":267}},
             "E0":{"bridge":{"lingerMs":5,"sendAckP50Millis":6.1,"sendAckP99Millis":12.5,"sendAckMaxMillis":40},
                   "linger0":{"lingerMs":0,"sendAckP50Millis":2.0,"sendAckP99Millis":8.0,"sendAckMaxMillis":30}},
             "F":{"B":{"peakHeapBytes":104857600},"C":{"peakHeapBytes":115343360}},
             "scaleOut":{"deliveredPerSecond":9400,"perInstancePerSecond":[4700,4700],"exact":true}}
            """;

    private static String analytics(String moreThreads) {
        return """
                {"median":{"plainPerSecond":400000,"d0aPerSecond":90000,"d0bPerSecond":60000,
                           "analyticsPerSecond":3000,"analytics/plain":0.0075,"analytics/D0b":0.05},
                 "moreThreads":%s,
                 "repetitions":[{"analytics":{"freshness":{"p99Millis":500}}}],
                 "scaleOut":{"perSecond":5800,"exact":true,"countedPerInstance":[150000,150000]}}
                """.formatted(moreThreads);
    }

    private static List<BenchmarkSuite.Row> rows(String moreThreads) throws Exception {
        return new BenchmarkSuite.Summary(JSON.readTree(INGEST), JSON.readTree(analytics(moreThreads))).rows();
    }

    private static BenchmarkSuite.Row row(List<BenchmarkSuite.Row> rows, String prefix) {
        return rows.stream().filter(row -> row.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void analyticsThroughputIsShownAgainstKafkaStreamsOwnCeiling() throws Exception {
        BenchmarkSuite.Row analytics = row(rows("null"), "analytics at exactly-once, records/s");

        assertThat(analytics.value()).isEqualTo(3000);
        assertThat(analytics.met()).isFalse();
        assertThat(analytics.referenceValue()).isEqualTo(60000);
        assertThat(analytics.reference()).contains("D0b 60,000 records/s", "analytics/D0b 0.050", "D0a 90,000",
                "plain consumer 400,000 records/s");
    }

    @Test
    void listenLatencyIsShownAgainstAPlainProducerAtTheSameRate() throws Exception {
        BenchmarkSuite.Row latency = row(rows("null"), "listen: publish -> Kafka ack");

        assertThat(latency.value()).isEqualTo(267);
        assertThat(latency.referenceValue()).isEqualTo(12.5);
        assertThat(latency.reference()).contains("send->ack p99 12.5 ms", "with linger 0 ms: p99 8.0 ms");
    }

    @Test
    void moreStreamThreadsGetTheirOwnRowOnlyWhenMeasured() throws Exception {
        assertThat(rows("null")).noneMatch(row -> row.name().contains("stream threads"));

        List<BenchmarkSuite.Row> rows = rows("""
                {"streamThreads":2,"d0bPerSecond":110000,"analyticsPerSecond":5000,"analytics/D0b":0.045}""");
        BenchmarkSuite.Row threads = row(rows, "analytics at exactly-once, 2 stream threads");
        assertThat(threads.value()).isEqualTo(5000);
        assertThat(threads.referenceValue()).isEqualTo(110000);
        assertThat(threads.reference()).contains("D0b 110,000 records/s", "analytics/D0b 0.045");
        assertThat(rows.indexOf(threads)).isEqualTo(rows.indexOf(row(rows, "analytics at exactly-once, records/s")) + 1);
    }

    @Test
    void jsonGivesEachTargetItsReferenceOrNull() throws Exception {
        JsonNode summary = new BenchmarkSuite.Summary(JSON.readTree(INGEST), JSON.readTree(analytics("null")))
                .json(JSON, "abc1234");

        JsonNode targets = summary.at("/targets");
        assertThat(targets.get(0).at("/measure").asText()).startsWith("B/A");
        assertThat(targets.get(0).at("/referenceValue").asDouble()).isEqualTo(10000);
        JsonNode freshness = targets.findParents("measure").stream()
                .filter(t -> t.at("/measure").asText().startsWith("event -> KPI")).findFirst().orElseThrow();
        assertThat(freshness.at("/referenceValue").isNull()).isTrue();
        assertThat(freshness.at("/reference").asText()).isEqualTo("-");
    }
}
