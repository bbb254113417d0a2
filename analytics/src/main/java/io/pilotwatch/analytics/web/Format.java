package io.pilotwatch.analytics.web;

import io.pilotwatch.analytics.kpi.Kpi;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How figures read on the pages: ratios as percentages, cycles in s, min or h, money with its currency. */
final class Format {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Format() {
    }

    /** A display unit: values are divided by {@code divisor} and shown with {@code decimals} decimals. */
    record Scale(double divisor, String suffix, int decimals) {

        String format(double value) {
            return number(value) + suffix;
        }

        String number(double value) {
            double scaled = value / divisor;
            String text = String.format(Locale.ROOT, "%,." + decimals + "f", scaled);
            return text.matches("-0[.,0]*") ? text.substring(1) : text;
        }
    }

    /** The scale for a KPI, chosen from a typical value so that a value and its interval read alike. */
    static Scale scale(Kpi kpi, String currency, double reference) {
        double size = Math.abs(reference);
        return switch (kpi.unit()) {
            case "ratio" -> new Scale(0.01, "%", size < 0.1 ? 2 : 1);
            case "seconds" -> size >= 7200 ? new Scale(3600, " h", 2)
                    : size >= 120 ? new Scale(60, " min", 1) : new Scale(1, " s", 1);
            case "currency" -> new Scale(1, " " + currency, 2);
            case "kwh" -> new Scale(1, " kWh", size >= 100 ? 1 : 2);
            default -> new Scale(1, "", 3);
        };
    }

    static String kpiName(Kpi kpi) {
        return switch (kpi) {
            case OPERATING_COST -> "Operating cost per good unit";
            case PRODUCTION_CYCLE -> "Production cycle (mean)";
            case DEFECT_RATE -> "Product defect rate";
            case CNC_RATIO -> "CNC ratio of key processes";
            case ENERGY_PER_UNIT -> "Energy per good unit";
            case OEE -> "OEE";
            default -> kpi.wireName();
        };
    }

    /** A KPI's sample size with what it counts (docs/kpis.md): {@code 100 units}, {@code 1 day}. */
    static String sample(Kpi kpi, long n) {
        String unit = switch (kpi) {
            case OPERATING_COST, ENERGY_PER_UNIT -> "day";
            case CNC_RATIO -> "key station";
            default -> "unit";
        };
        return count(n) + " " + unit + (n == 1 ? "" : "s");
    }

    /** A ratio such as a reduction or a progress, as a signed percentage: {@code 75.0%}, {@code -20.0%}. */
    static String percent(double ratio) {
        return new Scale(0.01, "%", 1).format(ratio);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** An instant in the plant's time zone, to the minute. */
    static String localTime(Instant instant, String zone) {
        return LOCAL_TIME.format(instant.atZone(ZoneId.of(zone)));
    }
}
