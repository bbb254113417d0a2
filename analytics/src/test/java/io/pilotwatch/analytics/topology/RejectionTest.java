package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.telemetry.UnitResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectionTest {

    @TempDir
    Path stateDir;
    TopologyHarness harness;
    final Events eol = Events.station("hz-gearbox", "l1", "eol");

    @BeforeEach
    void start() {
        harness = new TopologyHarness(stateDir, Map.of());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void unparseableRecordGoesToTheDlqUnchangedWithReasonAndKeepsItsHeaders() {
        byte[] value = "{\"seq\":1,".getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.MQTT_TOPIC, "factory/v1/hz-gearbox/l1/eol/unit".getBytes(StandardCharsets.UTF_8));
        harness.telemetry.pipeInput(new TestRecord<>(eol.key(), value, headers));

        TestRecord<byte[], byte[]> dead = harness.dlq.readRecord();
        assertThat(dead.value()).isEqualTo(value);
        assertThat(dead.key()).isEqualTo(eol.key());
        assertThat(header(dead, Headers.ERROR_REASON)).isEqualTo("bad_json");
        assertThat(header(dead, Headers.ERROR_DETAIL)).isNotBlank();
        assertThat(header(dead, Headers.MQTT_TOPIC)).isEqualTo("factory/v1/hz-gearbox/l1/eol/unit");
        assertThat(harness.plant("hz-gearbox").rejected()).containsExactly(Map.entry("bad_json", 1L));
    }

    @Test
    void costInAnotherCurrencyThanThePlantsIsRejectedAsBadValue() {
        harness.send(eol.key(), eol.cost("2025-03-01T08:00", CostCategory.LABOR, "960", "USD", null));

        TestRecord<byte[], byte[]> dead = harness.dlq.readRecord();
        assertThat(header(dead, Headers.ERROR_REASON)).isEqualTo("bad_value");
        assertThat(header(dead, Headers.ERROR_DETAIL)).contains("'USD'", "'CNY'");
        assertThat(harness.plant("hz-gearbox").rejected()).containsExactly(Map.entry("bad_value", 1L));
    }

    @Test
    void recordWhoseKeyContradictsItsPayloadIsRejected() {
        harness.send("hz-gearbox/l2".getBytes(StandardCharsets.UTF_8),
                eol.unit("2025-03-01T08:00", Duration.ofHours(8), UnitResult.GOOD));

        assertThat(header(harness.dlq.readRecord(), Headers.ERROR_DETAIL)).contains("'hz-gearbox/l1'");
        assertThat(harness.plant("hz-gearbox").acceptedTotal()).isZero();
    }

    @Test
    void recordWithoutAPlantKeyIsCountedUnderTheUnknownPlant() {
        harness.send(null, "not json".getBytes(StandardCharsets.UTF_8));

        assertThat(harness.dlq.readRecord().key()).isNull();
        assertThat(harness.plant(PlantRecord.UNKNOWN_PLANT).rejected()).containsExactly(Map.entry("bad_json", 1L));
        assertThat(harness.data().plants()).isEmpty();
    }

    @Test
    void eventFromTheFutureIsRejectedSoItCannotMoveThePlantsClock() {
        harness.send(eol.key(), eol.unit("2027-01-01T00:00", Duration.ofHours(8), UnitResult.GOOD));

        assertThat(header(harness.dlq.readRecord(), Headers.ERROR_REASON)).isEqualTo("out_of_range");
    }

    @Test
    void validEventsProduceNothingOnTheDlq() {
        harness.send(eol.key(), eol.unit("2025-03-01T08:00", Duration.ofHours(8), UnitResult.GOOD));

        assertThat(harness.dlq.isEmpty()).isTrue();
        assertThat(harness.plant("hz-gearbox").accepted()).isEqualTo(Map.of("unit", 1L));
        assertThat(harness.data().plants()).isEqualTo(List.of("hz-gearbox"));
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
