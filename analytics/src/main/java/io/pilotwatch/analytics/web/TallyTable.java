package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.programme.Programme;
import io.pilotwatch.analytics.programme.Programme.Count;
import io.pilotwatch.analytics.programme.Programme.Tally;
import io.pilotwatch.analytics.programme.Standing;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One milestone of a group: KPIs (first "every target") by standing, each cell "2 of 3 (67%, 95% CI 9–99%)"
 * with the plants named. Only the standings a milestone can have are columns (an assessed one is met or not, a
 * projected one on or off track), plus any other that holds plants.
 */
final class TallyTable {

    private static final Set<Standing> ASSESSED = EnumSet.of(Standing.MET, Standing.NOT_MET, Standing.INCONCLUSIVE,
            Standing.NO_DATA);
    private static final Set<Standing> PROJECTED = EnumSet.of(Standing.ON_TRACK, Standing.OFF_TRACK,
            Standing.INCONCLUSIVE, Standing.NO_DATA);

    private TallyTable() {
    }

    /** @param tallies one milestone's tallies, {@code all} first */
    static String render(String group, List<Tally> tallies) {
        Tally first = tallies.get(0);
        List<Standing> columns = columns(tallies);
        StringBuilder html = new StringBuilder("<table class=\"tally\" data-group=\"").append(esc(group))
                .append("\" data-milestone=\"").append(esc(first.milestone())).append("\">\n<caption>Milestone ")
                .append(esc(first.milestone())).append(" <small>due ").append(first.due()).append(" · ")
                .append(esc(first.status().replace('_', ' '))).append("</small></caption>\n<thead><tr>"
                        + "<th scope=\"col\">KPI</th><th scope=\"col\">Plants</th>");
        columns.forEach(s -> html.append("<th scope=\"col\">").append(label(s)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (Tally tally : tallies) {
            html.append("<tr data-kpi=\"").append(esc(tally.kpi())).append("\"><th scope=\"row\">")
                    .append(esc(kpiLabel(tally.kpi()))).append("</th><td data-label=\"Plants\">").append(tally.plants())
                    .append("</td>");
            for (Standing standing : columns) {
                html.append(cell(group, tally, ProgrammePage.count(tally, standing)));
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static List<Standing> columns(List<Tally> tallies) {
        Set<Standing> shown = EnumSet.noneOf(Standing.class);
        for (Tally tally : tallies) {
            shown.addAll(switch (tally.status()) {
                case "assessed" -> ASSESSED;
                case "projected" -> PROJECTED;
                default -> EnumSet.allOf(Standing.class);
            });
            for (Count count : tally.counts()) {
                if (count.plants() > 0) {
                    shown.add(Standing.valueOf(count.standing().toUpperCase(Locale.ROOT)));
                }
            }
        }
        return new ArrayList<>(shown);
    }

    /** "2 of 3 (67%, 95% CI 9–99%)", the plants in small print with links, and in the title for a quick look. */
    private static String cell(String group, Tally tally, Count count) {
        String text = count.plants() + " of " + tally.plants() + " (" + share(count.share()) + ", 95% CI "
                + share(count.lower()).replace("%", "") + "–" + share(count.upper()) + ")";
        StringBuilder html = new StringBuilder("<td class=\"count").append(count.plants() == 0 ? " zero" : "")
                .append("\" data-label=\"").append(label(Standing.valueOf(count.standing().toUpperCase(Locale.ROOT))))
                .append("\" data-group=\"").append(esc(group)).append("\" data-kpi=\"").append(esc(tally.kpi()))
                .append("\" data-milestone=\"").append(esc(tally.milestone())).append("\" data-standing=\"")
                .append(esc(count.standing())).append("\" data-plants=\"").append(count.plants()).append("\" title=\"")
                .append(esc(count.members().isEmpty() ? "no plant" : String.join(", ", count.members())))
                .append("\"><span class=\"tally-text\">").append(text).append("</span>");
        if (!count.members().isEmpty()) {
            html.append(" <small class=\"members\">").append(ProgrammePage.links(count.members())).append("</small>");
        }
        return html.append("</td>").toString();
    }

    /** A share as a whole percentage: 0.6667 reads {@code 67%}. */
    static String share(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String label(Standing standing) {
        return standing.wireName().replace('_', ' ');
    }

    /** "Every target" for the tally of all a milestone's targets, else the KPI's name. */
    static String kpiLabel(String kpi) {
        if (kpi.equals(Programme.ALL_KPIS)) {
            return "Every target";
        }
        return Kpi.fromWireName(kpi).map(Format::kpiName).orElse(kpi);
    }
}
