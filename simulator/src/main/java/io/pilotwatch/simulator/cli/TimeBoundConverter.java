package io.pilotwatch.simulator.cli;

import io.pilotwatch.simulator.clock.TimeBound;
import picocli.CommandLine;

/** {@code YYYY-MM-DD} (each plant's local midnight) or a date-time with offset. */
public final class TimeBoundConverter implements CommandLine.ITypeConverter<TimeBound> {

    @Override
    public TimeBound convert(String value) {
        try {
            return TimeBound.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
