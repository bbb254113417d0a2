package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

import io.pilotwatch.analytics.programme.Programme;
import io.pilotwatch.analytics.programme.Programme.Count;
import io.pilotwatch.analytics.programme.Programme.GroupFigures;
import io.pilotwatch.analytics.programme.Programme.Tally;
import io.pilotwatch.analytics.programme.Standing;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.targets.Group;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /scorecard/programme}: each group of plants (every plant, then the targets file's groups) against its
 * milestones: per milestone and KPI how many plants stand where, with the share's 95% interval and the plants
 * by name; the spread of the plants' reductions; the programme's CNC ratio by year against the national indicator.
 * Group names come from the targets file and plant ids from telemetry: both go through {@code esc}.
 */
final class ProgrammePage {

    private ProgrammePage() {
    }

    static String content(Programme programme) {
        StringBuilder html = new StringBuilder("<h1>Pilot programme</h1>\n<p class=\"meta\">Definitions <strong "
                + "data-definitions=\"" + PlantScorecard.DEFINITIONS_VERSION + "\">" + PlantScorecard.DEFINITIONS_VERSION
                + "</strong> · per group of plants: how many met each milestone (shares with 95% Clopper-Pearson "
                + "intervals), the spread of their reductions, and the CNC ratio of key processes against the "
                + "national indicator</p>\n");
        html.append("<nav class=\"groups\" aria-label=\"Groups\">Groups: ");
        for (GroupFigures group : programme.groups()) {
            html.append("<a href=\"#group-").append(esc(group.id())).append("\">").append(esc(group.name()))
                    .append("</a> ");
        }
        html.append("</nav>\n");
        for (GroupFigures group : programme.groups()) {
            html.append(group(group));
        }
        return html.toString();
    }

    private static String group(GroupFigures group) {
        StringBuilder html = new StringBuilder("<section class=\"group\" id=\"group-").append(esc(group.id()))
                .append("\" data-group=\"").append(esc(group.id())).append("\">\n<h2>").append(esc(group.name()))
                .append(" <small class=\"group-id\">group ").append(esc(group.id())).append("</small></h2>\n")
                .append(members(group));
        if (group.tallies().isEmpty()) {
            html.append("<p class=\"empty\">No milestone to count: the group has no plant with targets yet.</p>\n");
        }
        for (List<Tally> milestone : byMilestone(group.tallies()).values()) {
            html.append(TallyTable.render(group.id(), milestone));
        }
        html.append(ProgrammeFigures.reductions(group));
        html.append(ProgrammeFigures.cncRatio(group));
        return html.append("</section>\n").toString();
    }

    /** Who is in the group: the members with data link to their pages, the others are listed as without data. */
    private static String members(GroupFigures group) {
        Set<String> withData = Set.copyOf(group.plantsWithData());
        List<String> without = group.plants().stream().filter(p -> !withData.contains(p)).toList();
        StringBuilder html = new StringBuilder("<p class=\"members\"><span data-count=\"members\">")
                .append(group.plants().size()).append("</span> plant").append(group.plants().size() == 1 ? "" : "s")
                .append(", <span data-count=\"with-data\">")
                .append(group.plantsWithData().size()).append("</span> with data");
        if (!group.plantsWithData().isEmpty()) {
            html.append(": ").append(links(group.plantsWithData()));
        }
        if (!without.isEmpty()) {
            html.append("; without data (counted as no data): <span class=\"without-data\">")
                    .append(String.join(", ", without.stream().map(Html::esc).toList())).append("</span>");
        }
        return html.append("</p>\n").toString();
    }

    /** Links to the plants' pages, comma-separated. */
    static String links(List<String> plants) {
        List<String> links = new ArrayList<>();
        for (String plant : plants) {
            links.add("<a href=\"" + OverviewPage.plantHref(plant) + "\">" + esc(plant) + "</a>");
        }
        return String.join(", ", links);
    }

    /** The tallies grouped by milestone, in the model's order (by due date). */
    static Map<String, List<Tally>> byMilestone(List<Tally> tallies) {
        Map<String, List<Tally>> milestones = new LinkedHashMap<>();
        tallies.forEach(t -> milestones.computeIfAbsent(t.milestone(), m -> new ArrayList<>()).add(t));
        return milestones;
    }

    /**
     * The overview's section for group {@code all}: one line per milestone, "m1: 2 of 3 plants met every target";
     * a projected milestone counts the plants on track instead, as none can have met it yet.
     */
    static String summary(Programme programme) {
        GroupFigures all = programme.groups().stream().filter(g -> g.id().equals(Group.ALL)).findFirst().orElse(null);
        StringBuilder html = new StringBuilder("<section class=\"programme-summary\" data-group=\"all\"><h2>Programme"
                + " <small><a href=\"/scorecard/programme\" data-link=\"programme\">every group, KPI and year</a>"
                + "</small></h2>\n");
        List<Tally> overall = all == null ? List.of()
                : all.tallies().stream().filter(t -> t.kpi().equals(Programme.ALL_KPIS)).toList();
        if (overall.isEmpty()) {
            return html.append("<p class=\"empty\">No milestone to count yet.</p></section>\n").toString();
        }
        html.append("<ul class=\"milestones\">");
        for (Tally tally : overall) {
            html.append("<li data-milestone=\"").append(esc(tally.milestone())).append("\"><strong>")
                    .append(esc(tally.milestone())).append("</strong>: ").append(headline(tally))
                    .append(" <span class=\"due\">(due ").append(tally.due()).append(", ")
                    .append(esc(tally.status().replace('_', ' '))).append(")</span></li>");
        }
        return html.append("</ul></section>\n").toString();
    }

    private static String headline(Tally tally) {
        List<String> parts = new ArrayList<>();
        if (!tally.status().equals("projected")) {
            parts.add(counted(tally, Standing.MET, "met every target"));
        }
        if (!tally.status().equals("assessed")) {
            parts.add(counted(tally, Standing.ON_TRACK, "on track for every target"));
        }
        return String.join("; ", parts);
    }

    private static String counted(Tally tally, Standing standing, String what) {
        Count count = count(tally, standing);
        return "<span data-standing=\"" + standing.wireName() + "\"><span class=\"n\">" + count.plants()
                + "</span> of " + tally.plants() + " plants " + what + "</span>";
    }

    static Count count(Tally tally, Standing standing) {
        return tally.counts().stream().filter(c -> c.standing().equals(standing.wireName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("tally without standing " + standing.wireName()));
    }
}
