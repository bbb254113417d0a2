package io.pilotwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.simulator.faults.FaultSettings;
import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.simulator.publish.Outgoing;
import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.Kind;
import io.pilotwatch.telemetry.RejectReason;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every real message passes the contract's codec; every injected malformed one is rejected. */
class GeneratedPayloadsTest {

    private static final TelemetryCodec CODEC = new TelemetryCodec();

    @TempDir
    static Path dir;
    static List<Outgoing> published;

    @BeforeAll
    static void run() {
        // A month that includes a retrofit (hz-gearbox l1 s3 on 2017-03-01), with malformed payloads.
        FaultSettings malformed = new FaultSettings(0, 0, 0, Duration.ofMinutes(1), 5, Optional.empty());
        published = TestRuns.run(TestRuns.options("default", "2017-02-15", "2017-03-15", 9, malformed,
                dir.resolve("truth.json"))).published();
    }

    @Test
    void everyRealMessagePassesTheCodecWithItsTopicsKind() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Outgoing message : published) {
            if (message.origin() == Origin.REAL) {
                DecodeResult result = CODEC.decode(message.topic(), message.payload());
                assertThat(result).as("%s %s", message.topic(), new String(message.payload()))
                        .isInstanceOf(DecodeResult.Accepted.class);
                assertThat(((DecodeResult.Accepted) result).event().kind()).isEqualTo(message.kind());
                kinds.add(message.kind());
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
    }

    @Test
    void seqCountsUpByOnePerStationAndProfilesAreRetained() {
        Map<String, Long> nextSeq = new HashMap<>();
        for (Outgoing message : published) {
            if (message.origin() != Origin.REAL) {
                continue;
            }
            TelemetryEvent event = ((DecodeResult.Accepted) CODEC.decode(message.topic(), message.payload())).event();
            String station = event.station().toString();
            assertThat(event.seq()).as("seq of %s", station).isEqualTo(nextSeq.getOrDefault(station, 0L));
            nextSeq.put(station, event.seq() + 1);
            assertThat(event.boot()).isEqualTo(1);
            assertThat(message.retained()).isEqualTo(event.kind() == Kind.PROFILE);
        }
        assertThat(published.stream().filter(m -> m.kind() == Kind.PROFILE && m.origin() == Origin.REAL).count())
                .as("30 stations at the start and one retrofit").isEqualTo(31);
    }

    @Test
    void everyMalformedMessageIsRejectedForEveryKindOfReason() {
        Set<RejectReason> reasons = EnumSet.noneOf(RejectReason.class);
        long malformed = 0;
        for (Outgoing message : published) {
            if (message.origin() == Origin.MALFORMED) {
                malformed++;
                DecodeResult result = CODEC.decode(message.topic(), message.payload());
                assertThat(result).as(new String(message.payload())).isInstanceOf(DecodeResult.Rejected.class);
                reasons.add(((DecodeResult.Rejected) result).reason());
                assertThat(message.retained()).isFalse();
            }
        }
        assertThat(malformed).isPositive();
        assertThat(reasons).containsExactlyInAnyOrder(RejectReason.BAD_JSON, RejectReason.BAD_TYPE,
                RejectReason.MISSING_FIELD, RejectReason.OUT_OF_RANGE, RejectReason.BAD_VALUE);
    }
}
