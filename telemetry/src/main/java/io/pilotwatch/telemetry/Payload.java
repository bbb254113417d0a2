package io.pilotwatch.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The kind-specific part of a telemetry event; one record per {@link Kind}. */
public sealed interface Payload permits Payload.Unit, Payload.Profile, Payload.State, Payload.Cost {

    /** The kind this payload belongs to. */
    Kind kind();

    /**
     * One finished product at the line's end.
     *
     * @param unitId      the product's serial or id (1 to 128 characters)
     * @param startedAt   when production of this unit started
     * @param completedAt when it finished, never before {@code startedAt}
     * @param result      the quality outcome
     * @param defectCode  the plant's defect code, if any
     */
    record Unit(String unitId, Instant startedAt, Instant completedAt, UnitResult result,
                Optional<String> defectCode) implements Payload {
        public Unit {
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(completedAt, "completedAt");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(defectCode, "defectCode");
            if (completedAt.isBefore(startedAt)) {
                throw new IllegalArgumentException("completedAt is before startedAt");
            }
        }

        /** The production cycle of this unit: {@code completedAt - startedAt}. */
        public java.time.Duration productionCycle() {
            return java.time.Duration.between(startedAt, completedAt);
        }

        @Override
        public Kind kind() {
            return Kind.UNIT;
        }
    }

    /**
     * A station's birth certificate: what process it runs and whether it is key and CNC.
     *
     * @param process           the process name (1 to 128 characters)
     * @param keyProcess        whether this is a key process of the line
     * @param cnc               whether the process is numerically controlled
     * @param idealCycleSeconds the ideal cycle time, if known (> 0)
     */
    record Profile(String process, boolean keyProcess, boolean cnc, Optional<Double> idealCycleSeconds)
            implements Payload {
        public Profile {
            Objects.requireNonNull(process, "process");
            Objects.requireNonNull(idealCycleSeconds, "idealCycleSeconds");
        }

        @Override
        public Kind kind() {
            return Kind.PROFILE;
        }
    }

    /**
     * A change of the station's machine state.
     *
     * @param state the state entered at the event's {@code ts}
     */
    record State(MachineState state) implements Payload {
        public State {
            Objects.requireNonNull(state, "state");
        }

        @Override
        public Kind kind() {
            return Kind.STATE;
        }
    }

    /**
     * An operating cost booked against the station. Amounts are exact decimals.
     *
     * @param category  what the money was spent on
     * @param amount    the amount (>= 0) in {@code currency}
     * @param currency  ISO 4217 code, three capital letters
     * @param energyKwh the energy this cost paid for, if known (>= 0)
     */
    record Cost(CostCategory category, BigDecimal amount, String currency, Optional<BigDecimal> energyKwh)
            implements Payload {
        public Cost {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(energyKwh, "energyKwh");
        }

        @Override
        public Kind kind() {
            return Kind.COST;
        }
    }
}
