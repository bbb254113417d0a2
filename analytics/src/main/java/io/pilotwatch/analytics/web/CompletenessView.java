package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

import io.pilotwatch.analytics.scorecard.Completeness;
import java.time.Instant;
import java.util.Map;

/** What the figures rest on: events used, duplicates removed, late events left out, records rejected. */
final class CompletenessView {

    private CompletenessView() {
    }

    /** One line with the four counts; late and rejected broken down by kind and reason. */
    static String summary(Completeness c) {
        return "<p class=\"completeness\">Data: <span data-count=\"accepted\">" + Format.count(c.accepted())
                + "</span> events used · <span data-count=\"duplicates\">" + Format.count(c.duplicates())
                + "</span> duplicates removed · <span data-count=\"late\">" + Format.count(c.lateTotal())
                + "</span> late" + breakdown(c.late()) + " (after the grace, left out)"
                + " · <span data-count=\"rejected\">" + Format.count(c.rejectedTotal()) + "</span> rejected"
                + breakdown(c.rejected()) + " (in the DLQ)</p>";
    }

    /** The full account for the plant page, with each line's clock. */
    static String details(Completeness c, String zone) {
        StringBuilder html = new StringBuilder("<dl class=\"completeness-details\">");
        term(html, "Events used, by kind", c.accepted() + breakdown(c.acceptedByKind()));
        term(html, "Duplicates removed", Format.count(c.duplicates()));
        term(html, "Late, left out of every KPI", c.lateTotal() + breakdown(c.late()));
        term(html, "Rejected to the DLQ, by reason", c.rejectedTotal() + breakdown(c.rejected()));
        term(html, "First event", time(c.firstEvent(), zone));
        term(html, "Plant clock (latest event)", time(c.clock(), zone));
        c.lineClocks().forEach((line, clock) -> term(html, "Clock of line " + esc(line), time(clock, zone)));
        return html.append("</dl>").toString();
    }

    private static void term(StringBuilder html, String term, String definition) {
        html.append("<dt>").append(term).append("</dt><dd>").append(definition).append("</dd>");
    }

    private static String time(Instant instant, String zone) {
        return "<time datetime=\"" + instant + "\">" + esc(Format.localTime(instant, zone)) + "</time>";
    }

    private static String breakdown(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (");
        counts.forEach((key, n) -> text.append(text.length() > 2 ? ", " : "").append(esc(key)).append(' ')
                .append(Format.count(n)));
        return text.append(')').toString();
    }
}
