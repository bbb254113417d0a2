package io.pilotwatch.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.testkit.corpus.HostileCase;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the hostile-input corpus (src/test/resources/hostile, documented in docs/reliability.md) is
 * rejected by the codec with exactly its expected reason and a short detail. IngestHostileInputIT sends the
 * same files through Mosquitto and the bridge into the DLQ.
 */
class HostileCorpusTest {

    static final Path CORPUS = Path.of("src", "test", "resources", "hostile");

    private final TelemetryCodec codec = new TelemetryCodec();

    static List<HostileCase> corpus() {
        return HostileCase.loadAll(CORPUS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedWithItsExpectedReason(HostileCase hostile) {
        DecodeResult result = codec.decode(hostile.topic(), hostile.payload());

        assertThat(result).as(hostile.about()).isInstanceOf(DecodeResult.Rejected.class);
        DecodeResult.Rejected rejected = (DecodeResult.Rejected) result;
        assertThat(rejected.reason().wireName()).as(hostile.about() + ": " + rejected.detail()).isEqualTo(hostile.reason());
        // The detail goes into a Kafka header and logs: it names the problem, never echoes the payload.
        assertThat(rejected.detail()).hasSizeLessThan(400);
    }

    @Test
    void coversEveryReasonWithAtLeastFortyCases() {
        List<HostileCase> cases = corpus();
        Set<String> reasons = cases.stream().map(HostileCase::reason).collect(Collectors.toSet());

        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(reasons).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(RejectReason.values()).map(RejectReason::wireName).toList());
        assertThat(cases).extracting(HostileCase::name).doesNotHaveDuplicates();
    }
}
