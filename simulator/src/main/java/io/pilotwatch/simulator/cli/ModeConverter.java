package io.pilotwatch.simulator.cli;

import io.pilotwatch.simulator.clock.Mode;
import java.util.Locale;
import picocli.CommandLine;

/** {@code realtime}, {@code accelerated} or {@code backfill}, in lower case as documented. */
public final class ModeConverter implements CommandLine.ITypeConverter<Mode> {

    @Override
    public Mode convert(String value) {
        try {
            return Mode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("expected realtime, accelerated or backfill, got '"
                    + value + "'");
        }
    }
}
