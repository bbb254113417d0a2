package io.pilotwatch.analytics.topology;

import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.Kind;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.TelemetryEvent;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A usable telemetry event reduced to what the KPI state needs, in milliseconds: the form that crosses the
 * repartition by plant (binary, see {@link ClassifiedSerde}), so that the JSON is parsed once, at the source.
 * Unit ids, defect codes, process names, {@code receivedAt} and extra fields are not used by any KPI.
 */
public record KpiEvent(String plant, String line, String station, long seq, long boot, long tsMillis, Fact fact) {

    /** The kind-specific part. */
    public sealed interface Fact permits Unit, Profile, State, Cost {
        Kind kind();
    }

    public record Unit(long startedAtMillis, long completedAtMillis, UnitResult result) implements Fact {
        @Override
        public Kind kind() {
            return Kind.UNIT;
        }
    }

    /** @param idealCycleSeconds 0 when the profile gives none */
    public record Profile(boolean keyProcess, boolean cnc, double idealCycleSeconds) implements Fact {
        @Override
        public Kind kind() {
            return Kind.PROFILE;
        }
    }

    public record State(MachineState state) implements Fact {
        @Override
        public Kind kind() {
            return Kind.STATE;
        }
    }

    public record Cost(CostCategory category, BigDecimal amount, Optional<BigDecimal> energyKwh) implements Fact {
        @Override
        public Kind kind() {
            return Kind.COST;
        }
    }

    public KpiEvent {
        Objects.requireNonNull(plant, "plant");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(fact, "fact");
    }

    /** The KPI form of a decoded event; times are truncated to milliseconds as everywhere in the KPI state. */
    public static KpiEvent of(TelemetryEvent event) {
        Fact fact;
        Payload payload = event.payload();
        if (payload instanceof Payload.Unit unit) {
            fact = new Unit(unit.startedAt().toEpochMilli(), unit.completedAt().toEpochMilli(), unit.result());
        } else if (payload instanceof Payload.Profile profile) {
            fact = new Profile(profile.keyProcess(), profile.cnc(), profile.idealCycleSeconds().orElse(0.0));
        } else if (payload instanceof Payload.State state) {
            fact = new State(state.state());
        } else {
            Payload.Cost cost = (Payload.Cost) payload;
            fact = new Cost(cost.category(), cost.amount(), cost.energyKwh());
        }
        return new KpiEvent(event.station().plant(), event.station().line(), event.station().station(), event.seq(),
                event.boot(), event.ts().toEpochMilli(), fact);
    }

    public Kind kind() {
        return fact.kind();
    }

    /** The event time of a KPI event: {@code completedAt} for units (what the unit counts towards), else {@code ts}. */
    public long eventTimeMillis() {
        return fact instanceof Unit unit ? unit.completedAtMillis() : tsMillis;
    }

    /** {@code plant/line/station}, for logs. */
    public String stationPath() {
        return plant + "/" + line + "/" + station;
    }
}
