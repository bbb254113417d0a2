package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.RejectReason;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ClassifiedSerdeTest {

    private final ClassifiedSerde serde = new ClassifiedSerde();
    private final byte[] raw = "{\"json\":true}".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyKindOfEventComesBackEqualWithItsRawValue() {
        List<KpiEvent.Fact> facts = List.of(
                new KpiEvent.Unit(1_700_000_000_000L, 1_700_000_028_800_123L, UnitResult.REWORK),
                new KpiEvent.Profile(true, false, 42.5),
                new KpiEvent.State(MachineState.values()[MachineState.values().length - 1]),
                new KpiEvent.Cost(CostCategory.ENERGY, new BigDecimal("-0.000123456789012345678901"),
                        Optional.of(new BigDecimal("1234567890123456789.5"))),
                new KpiEvent.Cost(CostCategory.LABOR, new BigDecimal("960.00"), Optional.empty()));
        for (KpiEvent.Fact fact : facts) {
            KpiEvent event = new KpiEvent("hz-gearbox", "l1", "eol", 7, 2, 1_700_000_000_001L, fact);
            Classified back = roundTrip(new Classified(new Classifier.Usable(event), raw));

            assertThat(back.outcome()).isEqualTo(new Classifier.Usable(event));
            assertThat(back.raw()).isEqualTo(raw);
        }
    }

    @Test
    void decimalsKeepTheirScale() {
        KpiEvent event = new KpiEvent("p", "l", "s", 0, 0, 0,
                new KpiEvent.Cost(CostCategory.LABOR, new BigDecimal("1.10"), Optional.empty()));
        KpiEvent back = ((Classifier.Usable) roundTrip(new Classified(new Classifier.Usable(event), raw)).outcome())
                .event();

        assertThat(((KpiEvent.Cost) back.fact()).amount().scale()).isEqualTo(2);
    }

    @Test
    void aRejectionKeepsReasonDetailAndAMissingValue() {
        Classified rejected = new Classified(new Classifier.Unusable(RejectReason.BAD_JSON, "payload is empty"), null);

        Classified back = roundTrip(rejected);

        assertThat(back.outcome()).isEqualTo(rejected.outcome());
        assertThat(back.raw()).isNull();
    }

    @Test
    void anotherFormatIsAClearSerializationError() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("repartition", raw))
                .isInstanceOf(SerializationException.class).hasMessageContaining("repartition");
    }

    private Classified roundTrip(Classified value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
