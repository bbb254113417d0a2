package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.scorecard.MonthValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG chart of a KPI's monthly values against horizontal reference lines (the baseline and
 * each milestone's threshold). Drawn by the server, so it needs no script, prints as it shows and obeys the
 * page's CSP. Each point has a tooltip with its value and sample; the clock's month, still open, is hollow.
 */
final class TrendChart {

    /** A horizontal line: the baseline, or a milestone's threshold. */
    record Reference(String label, double value, String kind) {
    }

    private static final double LEFT = 64;
    private static final double RIGHT = 44;
    private static final double TOP = 8;
    private static final double BOTTOM = 18;

    private TrendChart() {
    }

    static String svg(Kpi kpi, String currency, List<MonthValue> months, List<Reference> references,
                      int width, int height) {
        List<Double> values = new ArrayList<>();
        months.stream().filter(m -> m.value() != null).forEach(m -> values.add(m.value().value()));
        references.forEach(r -> values.add(r.value()));
        String name = Format.kpiName(kpi);
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(esc(name)).append(", monthly\"><title>")
                .append(esc(name)).append(", monthly, against baseline and targets</title>");
        if (months.isEmpty() || months.stream().allMatch(m -> m.value() == null)) {
            return svg.append("<text class=\"empty\" x=\"").append(width / 2).append("\" y=\"").append(height / 2)
                    .append("\" text-anchor=\"middle\">no data in these months</text></svg>").toString();
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double pad = max > min ? (max - min) * 0.08 : Math.max(Math.abs(max) * 0.1, 1e-3);
        // Every KPI here is non-negative: the axis does not go below 0 for the padding's sake.
        Axis y = new Axis(min >= 0 ? Math.max(0, min - pad) : min - pad, max + pad, height - BOTTOM, TOP);
        double plotWidth = width - LEFT - RIGHT;
        Format.Scale scale = Format.scale(kpi, currency, Math.max(Math.abs(min), Math.abs(max)));

        svg.append(text("tick", LEFT - 4, TOP + 8, "end", scale.format(y.high())));
        svg.append(text("tick", LEFT - 4, height - BOTTOM, "end", scale.format(y.low())));
        svg.append(line("axis", LEFT, height - BOTTOM, width - RIGHT, height - BOTTOM));
        svg.append(text("tick", LEFT, height - 4, "start", months.get(0).month().toString()));
        svg.append(text("tick", width - RIGHT, height - 4, "end", months.get(months.size() - 1).month().toString()));
        for (Reference reference : references) {
            double at = y.at(reference.value());
            svg.append(line("ref " + reference.kind(), LEFT, at, width - RIGHT, at));
            svg.append(text("ref-label " + reference.kind(), width - RIGHT + 3, at + 3, "start", reference.label()));
        }
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            MonthValue month = months.get(i);
            if (month.value() == null) {
                svg.append(polyline(points));
                points.setLength(0);
                continue;
            }
            double x = LEFT + (i + 0.5) * plotWidth / months.size();
            double at = y.at(month.value().value());
            points.append(number(x)).append(',').append(number(at)).append(' ');
            dots.append("<circle class=\"dot").append(month.complete() ? "" : " partial").append("\" cx=\"")
                    .append(number(x)).append("\" cy=\"").append(number(at)).append("\" r=\"2.5\"><title>")
                    .append(month.month()).append(month.complete() ? "" : " (so far)").append(": ")
                    .append(esc(scale.format(month.value().value()))).append(" · n = ")
                    .append(Format.sample(kpi, month.value().sampleSize())).append("</title></circle>");
        }
        return svg.append(polyline(points)).append(dots).append("</svg>").toString();
    }

    /** Maps values between {@code low} and {@code high} to pixels from {@code bottom} up to {@code top}. */
    private record Axis(double low, double high, double bottom, double top) {
        double at(double value) {
            return bottom - (value - low) / (high - low) * (bottom - top);
        }
    }

    private static String polyline(StringBuilder points) {
        return points.isEmpty() ? "" : "<polyline class=\"series\" points=\"" + points.toString().trim() + "\"/>";
    }

    private static String line(String cssClass, double x1, double y1, double x2, double y2) {
        return "<line class=\"" + cssClass + "\" x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\""
                + number(x2) + "\" y2=\"" + number(y2) + "\"/>";
    }

    private static String text(String cssClass, double x, double y, String anchor, String content) {
        return "<text class=\"" + cssClass + "\" x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\""
                + anchor + "\">" + esc(content) + "</text>";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
