package io.pilotwatch.simulator.scenario;

import java.time.ZoneId;
import java.util.List;

/**
 * A pilot plant.
 *
 * @param id       the plant id in topics ({@code [a-z0-9][a-z0-9_-]{0,63}})
 * @param name     display name (default: the id)
 * @param timezone IANA time zone of the plant's calendar (default {@code Asia/Shanghai}); periods and dates
 *                 of the plant are in this zone
 * @param currency ISO 4217 code of its costs (default {@code CNY})
 * @param lines    its production lines, at least one
 */
public record PlantSpec(String id, String name, String timezone, String currency, List<LineSpec> lines) {

    public static final String DEFAULT_TIMEZONE = "Asia/Shanghai";
    public static final String DEFAULT_CURRENCY = "CNY";

    public PlantSpec {
        name = name == null ? id : name;
        timezone = timezone == null ? DEFAULT_TIMEZONE : timezone;
        currency = currency == null ? DEFAULT_CURRENCY : currency;
        lines = Lists.copy(lines);
    }

    /** The plant's zone; only valid after validation. */
    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** A copy with another id and other lines (used by scaling). */
    public PlantSpec with(String newId, List<LineSpec> newLines) {
        return new PlantSpec(newId, name, timezone, currency, newLines);
    }
}
