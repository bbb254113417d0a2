package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

import io.pilotwatch.analytics.programme.Programme;
import io.pilotwatch.analytics.programme.Programme.CncYear;
import io.pilotwatch.analytics.programme.Programme.GroupFigures;
import io.pilotwatch.analytics.programme.Programme.Spread;
import java.util.List;

/**
 * A group's figures across plants: the spread of each KPI's reduction against the plants' baselines, and the CNC
 * ratio of key processes by year (the mean of the plants' ratios, as the plan defines it) against the national
 * indicator (years with neither plants nor an indicator value, in a row, on one line).
 */
final class ProgrammeFigures {

    private ProgrammeFigures() {
    }

    static String reductions(GroupFigures group) {
        StringBuilder html = new StringBuilder("<table class=\"spread\" data-group=\"").append(esc(group.id()))
                .append("\">\n<caption>Reductions against the plants' baselines <small>1 − value / baseline; "
                        + "quartiles across plants</small></caption>\n<thead><tr><th scope=\"col\">KPI</th>"
                        + "<th scope=\"col\">Window</th><th scope=\"col\">Plants</th><th scope=\"col\">Median</th>"
                        + "<th scope=\"col\">Quartiles</th><th scope=\"col\">Min – max</th>"
                        + "<th scope=\"col\">Target</th></tr></thead>\n<tbody>\n");
        for (Spread spread : group.reductions()) {
            html.append("<tr data-kpi=\"").append(esc(spread.kpi())).append("\" data-window=\"")
                    .append(esc(spread.window())).append("\"><th scope=\"row\">")
                    .append(esc(TallyTable.kpiLabel(spread.kpi()))).append("</th><td data-label=\"Window\">")
                    .append(spread.window().equals(Programme.CURRENT) ? "current (trailing window)"
                            : "milestone " + esc(spread.window()))
                    .append("</td><td data-label=\"Plants\">").append(spread.plants()).append("</td>");
            if (spread.median() == null) {
                html.append("<td data-label=\"Median\" colspan=\"3\"><span class=\"none\">no plant with a reduction"
                        + "</span></td>");
            } else {
                html.append("<td data-label=\"Median\" class=\"median\" data-value=\"").append(spread.median())
                        .append("\"><span class=\"value\">").append(Format.percent(spread.median()))
                        .append("</span></td><td data-label=\"Quartiles\">").append(Format.percent(spread.q1()))
                        .append(" – ").append(Format.percent(spread.q3())).append("</td><td data-label=\"Min – max\">")
                        .append(Format.percent(spread.min())).append(" – ").append(Format.percent(spread.max()))
                        .append("</td>");
            }
            html.append("<td data-label=\"Target\">").append(spread.target() != null
                    ? "−" + Format.percent(spread.target())
                    : spread.window().equals(Programme.CURRENT) ? "<span class=\"none\">–</span>"
                    : "<span class=\"none\" title=\"the members' targets differ\">differs</span>").append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    static String cncRatio(GroupFigures group) {
        StringBuilder html = new StringBuilder("<table class=\"cnc\" data-group=\"").append(esc(group.id()))
                .append("\">\n<caption>CNC ratio of key processes <small>mean of the plants' ratios at year end, "
                        + "95% t interval across plants, against the national indicator</small></caption>\n<thead><tr>"
                        + "<th scope=\"col\">Year</th><th scope=\"col\">Mean</th><th scope=\"col\">Plants</th>"
                        + "<th scope=\"col\">Indicator</th><th scope=\"col\">Verdict</th></tr></thead>\n<tbody>\n");
        if (group.cncRatio().isEmpty()) {
            html.append("<tr><td colspan=\"5\"><span class=\"none\">no year with data</span></td></tr>\n");
        }
        List<CncYear> years = group.cncRatio();
        for (int i = 0; i < years.size(); i++) {
            CncYear year = years.get(i);
            int last = i;
            while (empty(year) && last + 1 < years.size() && empty(years.get(last + 1))) {
                last++;
            }
            if (last > i) {
                // Years with neither data nor an indicator value, in a row, take one line.
                html.append("<tr class=\"gap\" data-years=\"").append(year.year()).append('-')
                        .append(years.get(last).year()).append("\"><th scope=\"row\">").append(year.year()).append("–")
                        .append(years.get(last).year()).append("</th><td colspan=\"4\"><span class=\"none\">no data"
                                + "</span></td></tr>\n");
                i = last;
                continue;
            }
            html.append("<tr data-year=\"").append(year.year()).append("\"").append(year.complete() ? "" : " class=\"partial\"")
                    .append("><th scope=\"row\">").append(year.year()).append(year.complete() ? ""
                            : " <small class=\"so-far\">so far</small>").append("</th><td data-label=\"Mean\">");
            if (year.mean() == null) {
                html.append("<span class=\"none\">no data</span>");
            } else {
                html.append("<span class=\"value\" data-value=\"").append(year.mean()).append("\">")
                        .append(Format.percent(year.mean())).append("</span>");
                if (year.lower() != null && year.upper() != null) {
                    html.append(" <span class=\"interval\" title=\"95% interval\">[").append(Format.percent(year.lower()))
                            .append(", ").append(Format.percent(year.upper())).append("]</span>");
                }
            }
            html.append("</td><td data-label=\"Plants\">").append(year.plants()).append("</td><td data-label=\"Indicator\">")
                    .append(year.indicator() == null ? "<span class=\"none\">–</span>"
                            : TallyTable.share(year.indicator()))
                    .append("</td><td data-label=\"Verdict\">").append(year.verdict() == null ? "<span class=\"none\">–</span>"
                            : "<span class=\"badge v-" + esc(year.verdict()) + "\" data-verdict=\"" + esc(year.verdict())
                            + "\">" + esc(year.verdict().replace('_', ' ')) + "</span>").append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static boolean empty(CncYear year) {
        return year.plants() == 0 && year.indicator() == null;
    }
}
