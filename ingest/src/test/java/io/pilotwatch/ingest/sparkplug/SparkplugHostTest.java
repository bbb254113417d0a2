package io.pilotwatch.ingest.sparkplug;

import static io.pilotwatch.ingest.sparkplug.TahuPayloads.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.StationId;
import io.pilotwatch.telemetry.TelemetryEvent;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.Test;

/** The host's session logic, fed with payloads encoded by Tahu. */
class SparkplugHostTest {

    static final SparkplugMapping MAPPING = SparkplugMapping.load(Path.of("../docs/sparkplug-mapping.example.yaml"));
    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    static final String NBIRTH = "spBv1.0/hz-gearbox/NBIRTH/l1";
    static final String NDEATH = "spBv1.0/hz-gearbox/NDEATH/l1";
    static final String DBIRTH = "spBv1.0/hz-gearbox/DBIRTH/l1/eol";
    static final String DDATA = "spBv1.0/hz-gearbox/DDATA/l1/eol";
    static final String DDEATH = "spBv1.0/hz-gearbox/DDEATH/l1/eol";
    static final StationId EOL = new StationId("hz-gearbox", "l1", "eol");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private SparkplugHost host(boolean primary) {
        return new SparkplugHost(MAPPING, new SparkplugMetrics(registry), primary, Duration.ofSeconds(30));
    }

    private double count(String name) {
        return registry.find(name).counter() == null ? 0 : registry.find(name).counter().count();
    }

    static byte[] nbirth(long bdSeq) {
        return payload().seq(0).named("bdSeq", MetricDataType.Int64, bdSeq)
                .named("Node Control/Rebirth", MetricDataType.Boolean, false).birth();
    }

    static byte[] ndeath(long bdSeq) {
        return payload().named("bdSeq", MetricDataType.Int64, bdSeq).birth();
    }

    /** The device's birth: profile values, the current state, and every event metric declared without value. */
    static byte[] dbirth(long seq, int state) {
        return payload().seq(seq)
                .declare("Properties/Process", 1, MetricDataType.String, "assembly")
                .declare("Properties/KeyProcess", 2, MetricDataType.Boolean, true)
                .declare("Properties/CNC", 3, MetricDataType.Boolean, false)
                .declare("Properties/IdealCycleSeconds", 4, MetricDataType.Double, 95.5)
                .declare("Machine/State", 5, MetricDataType.Int32, state)
                .declare("Production/UnitId", 6, MetricDataType.String, null)
                .declare("Production/Result", 7, MetricDataType.String, null)
                .declare("Production/CycleStart", 8, MetricDataType.DateTime, null)
                .declare("Cost/Energy", 9, MetricDataType.Double, null)
                .declare("Cost/EnergyKwh", 10, MetricDataType.Double, null)
                .declare("Cost/Currency", 11, MetricDataType.String, null)
                .declare("Vendor/Temperature", 12, MetricDataType.Float, 21.5f)
                .birth();
    }

    static byte[] unitData(long seq, String unitId, String result, Instant started, Instant completed) {
        return payload().seq(seq).at(completed)
                .alias(6, MetricDataType.String, unitId, completed, false)
                .alias(7, MetricDataType.String, result, completed, false)
                .alias(8, MetricDataType.DateTime, Date.from(started), completed, false)
                .data();
    }

    private SparkplugHost born(boolean primary) {
        SparkplugHost host = host(primary);
        host.handle(NBIRTH, nbirth(7), T0);
        host.handle(DBIRTH, dbirth(1, 1), T0);
        return host;
    }

    @Test
    void deviceBirthGivesTheProfileAndTheCurrentStateOnly() {
        SparkplugHost host = host(false);
        assertThat(host.handle(NBIRTH, nbirth(7), T0).events()).isEmpty();
        SparkplugHost.Outcome birth = host.handle(DBIRTH, dbirth(1, 1), T0);

        assertThat(birth.rejection()).isEmpty();
        assertThat(birth.events()).extracting(TelemetryEvent::payload).containsExactly(
                new Payload.Profile("assembly", true, false, Optional.of(95.5)),
                new Payload.State(MachineState.RUNNING));
        assertThat(birth.events()).allSatisfy(e -> assertThat(e.station()).isEqualTo(EOL));
        assertThat(host.sessionCount()).isEqualTo(1);
    }

    @Test
    void dataAliasesAreResolvedAndTypedFromTheBirth() {
        SparkplugHost host = born(false);
        Instant started = T0.plusSeconds(60);
        Instant completed = T0.plusSeconds(1_000);

        SparkplugHost.Outcome unit = host.handle(DDATA, unitData(2, "GB-1", "NOK", started, completed), T0);
        SparkplugHost.Outcome cost = host.handle(DDATA, payload().seq(3).at(completed)
                .alias(9, MetricDataType.Double, 18.62).alias(10, MetricDataType.Double, 24.5)
                .alias(11, MetricDataType.String, "CNY").alias(5, MetricDataType.Int32, 4).data(), T0);

        assertThat(unit.rejection()).isEmpty();
        assertThat(unit.events()).singleElement().satisfies(event -> {
            assertThat(event.station()).isEqualTo(EOL);
            assertThat(event.ts()).isEqualTo(completed);
            assertThat(event.payload()).isEqualTo(new Payload.Unit("GB-1", started, completed, UnitResult.DEFECT,
                    Optional.empty()));
        });
        assertThat(cost.events()).extracting(TelemetryEvent::payload).containsExactly(
                new Payload.Cost(CostCategory.ENERGY, new BigDecimal("18.62"), "CNY", Optional.of(new BigDecimal("24.5"))),
                new Payload.State(MachineState.DOWN));
        assertThat(count("ingest.sparkplug.seq.gaps")).isZero();
    }

    /** The contract takes at most 6 decimal places; a binary float's digits beyond them are rounded, not refused. */
    @Test
    void floatAmountsAreRoundedToTheContractsSixDecimalPlaces() {
        SparkplugHost host = born(false);
        SparkplugHost.Outcome cost = host.handle(DDATA, payload().seq(2).at(T0.plusSeconds(5))
                .alias(9, MetricDataType.Double, 0.1 + 0.2).alias(10, MetricDataType.Double, 1234.56789012)
                .alias(11, MetricDataType.String, "CNY").data(), T0);

        assertThat(cost.rejection()).isEmpty();
        assertThat(cost.events()).extracting(TelemetryEvent::payload).containsExactly(new Payload.Cost(
                CostCategory.ENERGY, new BigDecimal("0.3"), "CNY", Optional.of(new BigDecimal("1234.56789"))));
    }

    @Test
    void severalUnitsInOneMessageArePairedWithTheirCompanionsByTimestamp() {
        SparkplugHost host = born(false);
        Instant first = T0.plusSeconds(100);
        Instant second = T0.plusSeconds(200);
        SparkplugHost.Outcome outcome = host.handle(DDATA, payload().seq(2).at(second)
                .alias(6, MetricDataType.String, "u1", first, false)
                .alias(6, MetricDataType.String, "u2", second, false)
                .alias(7, MetricDataType.String, "OK", second, false)
                .alias(7, MetricDataType.String, "SCRAP", first, false)
                .alias(8, MetricDataType.DateTime, Date.from(T0), first, false)
                .alias(8, MetricDataType.DateTime, Date.from(T0.plusSeconds(50)), second, false)
                .data(), T0);

        assertThat(outcome.events()).extracting(TelemetryEvent::payload).containsExactly(
                new Payload.Unit("u1", T0, first, UnitResult.SCRAP, Optional.empty()),
                new Payload.Unit("u2", T0.plusSeconds(50), second, UnitResult.GOOD, Optional.empty()));
        assertThat(outcome.events()).extracting(TelemetryEvent::seq).doesNotHaveDuplicates();
    }

    @Test
    void historicalMetricsKeepTheirOwnTimestamps() {
        SparkplugHost host = born(false);
        Instant past = T0.minus(Duration.ofHours(5));
        SparkplugHost.Outcome outcome = host.handle(DDATA, payload().seq(2).at(T0.plusSeconds(10))
                .alias(5, MetricDataType.Int32, 4, past, true)
                .alias(5, MetricDataType.Int32, 1, past.plusSeconds(600), true).data(), T0.plusSeconds(10));

        assertThat(outcome.events()).extracting(TelemetryEvent::ts).containsExactly(past, past.plusSeconds(600));
        assertThat(outcome.events()).extracting(TelemetryEvent::payload).containsExactly(
                new Payload.State(MachineState.DOWN), new Payload.State(MachineState.RUNNING));
    }

    @Test
    void theSameMessageAgainGivesTheSameEventIdsSoDuplicatesCanBeRemoved() {
        byte[] data = unitData(2, "GB-1", "OK", T0, T0.plusSeconds(9));
        TelemetryEvent first = born(false).handle(DDATA, data, T0).events().get(0);
        TelemetryEvent again = born(false).handle(DDATA, data, T0.plusSeconds(3)).events().get(0);

        assertThat(again.seq()).isEqualTo(first.seq());
        assertThat(first.seq()).as("exact in JSON readers that use doubles").isLessThan(1L << 53);
        assertThat(again.boot()).isEqualTo(first.boot());
    }

    @Test
    void aSeqGapIsCountedAndTheDataStillMappedAndAPassiveHostAsksForNothing() {
        SparkplugHost host = born(false);
        SparkplugHost.Outcome outcome = host.handle(DDATA, unitData(5, "u1", "OK", T0, T0.plusSeconds(1)), T0);

        assertThat(outcome.events()).hasSize(1);
        assertThat(outcome.rebirth()).isEmpty();
        assertThat(count("ingest.sparkplug.seq.gaps")).isEqualTo(1);
    }

    @Test
    void outOfOrderSeqIsCountedAndAPrimaryHostRequestsOneRebirthPerInterval() {
        SparkplugHost host = born(true);
        SparkplugHost.Outcome early = host.handle(DDATA, unitData(3, "u2", "OK", T0, T0.plusSeconds(2)), T0);
        SparkplugHost.Outcome late = host.handle(DDATA, unitData(2, "u1", "OK", T0, T0.plusSeconds(1)), T0.plusSeconds(1));
        SparkplugHost.Outcome afterInterval = host.handle(DDATA, unitData(9, "u3", "OK", T0, T0.plusSeconds(3)),
                T0.plusSeconds(31));

        assertThat(count("ingest.sparkplug.seq.gaps")).isEqualTo(3);
        assertThat(early.rebirth()).contains(new SparkplugHost.EdgeNode("hz-gearbox", "l1"));
        assertThat(late.rebirth()).as("asked already within the interval").isEmpty();
        assertThat(afterInterval.rebirth()).isPresent();
        assertThat(early.events()).hasSize(1);
        assertThat(late.events()).hasSize(1);
    }

    @Test
    void dataBeforeBirthGoesToTheDlqIsCountedAndOnlyAPrimaryHostRequestsARebirth() {
        byte[] data = unitData(2, "u1", "OK", T0, T0.plusSeconds(1));
        SparkplugHost.Outcome passive = host(false).handle(DDATA, data, T0);
        SparkplugHost.Outcome primary = host(true).handle(DDATA, data, T0);

        assertThat(passive.events()).isEmpty();
        assertThat(passive.rejection()).get().extracting(SparkplugHost.Rejection::reason).isEqualTo("sparkplug_no_birth");
        assertThat(passive.rebirth()).isEmpty();
        assertThat(primary.rebirth()).contains(new SparkplugHost.EdgeNode("hz-gearbox", "l1"));
        assertThat(count("ingest.sparkplug.no.birth")).isEqualTo(2);
    }

    @Test
    void anAliasTheBirthDidNotDeclareIsRejectedNamingIt() {
        SparkplugHost host = born(true);
        SparkplugHost.Outcome outcome = host.handle(DDATA, payload().seq(2).alias(99, MetricDataType.Int32, 1).data(), T0);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.rejection()).get().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("sparkplug_unknown_alias");
            assertThat(r.detail()).contains("alias 99");
        });
        assertThat(outcome.rebirth()).isPresent();
        assertThat(count("ingest.sparkplug.unknown.aliases")).isEqualTo(1);
    }

    @Test
    void aRebirthReplacesTheSessionAndTheOldWillDoesNotKillTheNewSession() {
        SparkplugHost host = born(false);
        host.handle(NBIRTH, nbirth(8), T0.plusSeconds(5));
        SparkplugHost.Outcome rebirth = host.handle(DBIRTH, dbirth(1, 3), T0.plusSeconds(5));
        SparkplugHost.Outcome staleWill = host.handle(NDEATH, ndeath(7), T0.plusSeconds(6));
        SparkplugHost.Outcome data = host.handle(DDATA, unitData(2, "u1", "REWORK", T0, T0.plusSeconds(7)), T0.plusSeconds(7));

        assertThat(rebirth.events()).extracting(TelemetryEvent::payload).contains(new Payload.State(MachineState.SETUP));
        assertThat(staleWill.events()).isEmpty();
        assertThat(count("ingest.sparkplug.stale.deaths")).isEqualTo(1);
        assertThat(data.events()).extracting(TelemetryEvent::payload).singleElement()
                .isEqualTo(new Payload.Unit("u1", T0, T0.plusSeconds(7), UnitResult.REWORK, Optional.empty()));
        assertThat(count("ingest.sparkplug.seq.gaps")).isZero();
    }

    @Test
    void aNodeDeathWithTheSessionsBdSeqRecordsEveryStationOffAndEndsTheSession() {
        SparkplugHost host = born(false);
        host.handle("spBv1.0/hz-gearbox/DBIRTH/l1/cnc-03", dbirth(2, 1), T0);
        Instant died = T0.plusSeconds(60);

        SparkplugHost.Outcome death = host.handle(NDEATH, ndeath(7), died);

        assertThat(death.events()).extracting(TelemetryEvent::station).containsExactly(EOL,
                new StationId("hz-gearbox", "l1", "cnc-03"));
        assertThat(death.events()).allSatisfy(e -> {
            assertThat(e.payload()).isEqualTo(new Payload.State(MachineState.OFF));
            assertThat(e.ts()).isEqualTo(died);
        });
        assertThat(host.sessionCount()).isZero();
        assertThat(host.handle(DDATA, unitData(3, "u1", "OK", T0, died), died).rejection()).get()
                .extracting(SparkplugHost.Rejection::reason).isEqualTo("sparkplug_no_birth");
    }

    @Test
    void aDeviceDeathRecordsThatStationOff() {
        SparkplugHost host = born(false);
        Instant died = T0.plusSeconds(30);
        SparkplugHost.Outcome death = host.handle(DDEATH, payload().seq(2).at(died).birth(), died.plusSeconds(1));

        assertThat(death.events()).singleElement().satisfies(e -> {
            assertThat(e.station()).isEqualTo(EOL);
            assertThat(e.ts()).isEqualTo(died);
            assertThat(e.payload()).isEqualTo(new Payload.State(MachineState.OFF));
        });
        assertThat(host.sessionCount()).as("the edge node lives on").isEqualTo(1);
    }

    @Test
    void unmappedMetricsAreCountedNotRejected() {
        SparkplugHost host = born(false);
        SparkplugHost.Outcome outcome = host.handle(DDATA, payload().seq(2).alias(12, MetricDataType.Float, 22.0f)
                .data(), T0);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.rejection()).isEmpty();
        assertThat(count("ingest.sparkplug.unmapped.metrics")).isEqualTo(1);
    }

    @Test
    void aUnitWithoutItsResultGoesToTheDlqWithTheReason() {
        SparkplugHost host = born(false);
        SparkplugHost.Outcome outcome = host.handle(DDATA, payload().seq(2).alias(6, MetricDataType.String, "u1")
                .alias(8, MetricDataType.DateTime, Date.from(T0)).data(), T0);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.rejection()).get().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("sparkplug_bad_metric");
            assertThat(r.detail()).contains("Production/Result");
        });
    }

    @Test
    void garbageAndBadTopicsAreRejectedNotThrown() {
        SparkplugHost host = host(false);
        assertThat(host.handle(NBIRTH, new byte[] {(byte) 0xff, 0x01, 0x02}, T0).rejection()).get()
                .extracting(SparkplugHost.Rejection::reason).isEqualTo("sparkplug_undecodable");
        assertThat(host.handle("spBv1.0/hz-gearbox/DDATA/l1", unitData(1, "u", "OK", T0, T0), T0).rejection()).get()
                .extracting(SparkplugHost.Rejection::reason).isEqualTo("sparkplug_bad_topic");
        assertThat(host.handle("spBv1.0/STATE/scada-1", "{\"online\":true}".getBytes(), T0).rejection()).isEmpty();
    }

    /** Issue 16 item 2: this DDEATH used to throw IllegalArgumentException (a negative event id) out of handle. */
    @Test
    void aDeviceDeathWithAnOutOfRangeTimestampIsRejectedNotThrown() {
        SparkplugHost host = born(false);
        SparkplugHost.Outcome death = host.handle(DDEATH, payload().seq(2).at(Instant.ofEpochMilli(-1000)).birth(), T0);

        assertThat(death.events()).isEmpty();
        assertThat(death.rejection()).get().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("sparkplug_out_of_range");
            assertThat(r.detail()).contains("DDEATH", "1969-12-31T23:59:59Z", "(1970 to 2109)");
        });
        // The device is dead all the same: a second death finds no device.
        assertThat(host.handle(DDEATH, payload().seq(3).at(T0).birth(), T0).rejection()).get()
                .extracting(SparkplugHost.Rejection::reason).isEqualTo("sparkplug_no_birth");
        SparkplugHost.Outcome future = born(false).handle(DDEATH,
                payload().seq(2).at(Instant.parse("2200-01-01T00:00:00Z")).birth(), T0);
        assertThat(future.rejection()).get().extracting(SparkplugHost.Rejection::reason)
                .isEqualTo("sparkplug_out_of_range");
    }

    @Test
    void aSeqOutsideZeroTo255IsRejectedInEveryMessageType() {
        assertThat(host(false).handle(NBIRTH, payload().seq(256).named("bdSeq", MetricDataType.Int64, 1L).birth(), T0)
                .rejection()).get().satisfies(r -> {
                    assertThat(r.reason()).isEqualTo("sparkplug_out_of_range");
                    assertThat(r.detail()).isEqualTo("seq 256 is out of range (0 to 255)");
                });
        SparkplugHost host = host(false);
        host.handle(NBIRTH, nbirth(7), T0);
        assertThat(host.handle(DBIRTH, dbirth(300, 1), T0).rejection()).get()
                .extracting(SparkplugHost.Rejection::reason).isEqualTo("sparkplug_out_of_range");
        assertThat(born(false).handle(DDATA, unitData(-1, "u1", "OK", T0, T0), T0).rejection()).get()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("seq 18446744073709551615 is out of range (0 to 255)"));
        assertThat(born(false).handle(DDEATH, payload().seq(1000).at(T0).birth(), T0).rejection()).get()
                .extracting(SparkplugHost.Rejection::reason).isEqualTo("sparkplug_out_of_range");
    }
}
