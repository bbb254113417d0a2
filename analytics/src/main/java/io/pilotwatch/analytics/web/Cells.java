package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.verdict.Verdict;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The table cells' contents: a value with its interval and sample, a baseline, a reduction, a verdict badge
 * and a progress bar. Machine-readable values go into {@code data-*} attributes, for the browser test and
 * for anyone scraping the page.
 */
final class Cells {

    private Cells() {
    }

    /** {@code 5.00% [3.12, 7.88] n = 100 units} in the value's own scale; "no data" without one. */
    static String value(Kpi kpi, KpiValue value, String currency) {
        return value(kpi, value, value == null ? null : Format.scale(kpi, currency, value.value()));
    }

    /** The same in a given scale, so that the figures of one row read alike. */
    static String value(Kpi kpi, KpiValue value, Format.Scale scale) {
        if (value == null) {
            return "<span class=\"none\">no data</span>";
        }
        StringBuilder html = new StringBuilder();
        html.append("<span class=\"value\" data-value=\"").append(value.value()).append("\">")
                .append(esc(scale.format(value.value()))).append("</span>");
        if (value.hasInterval() && kpi != Kpi.CNC_RATIO) {
            html.append(" <span class=\"interval\" title=\"95% interval\">[").append(esc(scale.number(value.lower())))
                    .append(", ").append(esc(scale.number(value.upper()))).append("]</span>");
        }
        html.append(" <span class=\"sample\" data-sample=\"").append(value.sampleSize()).append("\">n = ")
                .append(Format.sample(kpi, value.sampleSize())).append("</span>");
        return html.toString();
    }

    /**
     * The value with its interval and evidence (learned) or "treated as exact" (configured), then period, source,
     * method (unless the source says it) and version in small print; without a value, why.
     */
    static String baseline(Baseline baseline, Format.Scale scale) {
        if (baseline == null) {
            return "<span class=\"none\">not frozen yet</span>";
        }
        String value;
        if (!baseline.hasValue()) {
            value = "<span class=\"none\">none</span> <small class=\"baseline-note\">" + esc(baseline.missingReason())
                    + "</small>";
        } else {
            value = "<span class=\"value\" data-value=\"" + baseline.value() + "\">" + esc(scale.format(baseline.value()))
                    + "</span>";
            if (baseline.exact()) {
                value += " <small class=\"evidence\">treated as exact</small>";
            } else if (baseline.lower() != null && baseline.upper() != null) {
                value += " <span class=\"interval\" title=\"95% interval\">[" + esc(scale.format(baseline.lower())) + ", "
                        + esc(scale.format(baseline.upper())) + "]</span> <small class=\"evidence\">n = "
                        + baseline.sampleSize() + ", " + baseline.days() + " days in " + baseline.months()
                        + " months</small>";
            }
        }
        String source = baseline.source() == null || baseline.source().contains(baseline.method())
                ? esc(baseline.source()) : esc(baseline.source()) + " · " + esc(baseline.method());
        return value + " <small class=\"provenance\">" + esc(baseline.period()) + " · " + source + " · v"
                + baseline.version() + "</small>";
    }

    /** The reduction against the baseline with its interval, for lower-is-better KPIs. */
    static String reduction(KpiScore.Reduction reduction) {
        if (reduction == null) {
            return "<span class=\"none\">–</span>";
        }
        String interval = reduction.lower() == null || reduction.upper() == null ? ""
                : " <span class=\"interval\" title=\"95% interval\">[" + Format.percent(reduction.lower()) + ", "
                + Format.percent(reduction.upper()) + "]</span>";
        return "<span class=\"value\" data-value=\"" + reduction.value() + "\">" + Format.percent(reduction.value())
                + "</span>" + interval;
    }

    /**
     * A verdict badge with its reason; future milestones give the date the trend reaches the target instead,
     * in the past tense when that date is not after {@code today} (the plant's clock).
     */
    static String verdict(MilestoneScore score, LocalDate today) {
        Verdict verdict = score.verdict();
        String badge = "<span class=\"badge v-" + verdict.wireName() + "\" data-verdict=\"" + verdict.wireName()
                + "\" title=\"" + esc(score.reason()) + "\">" + label(verdict) + "</span>";
        if (!"projected".equals(score.status()) || verdict == Verdict.INCONCLUSIVE) {
            return badge + "<small class=\"reason\">" + esc(score.reason()) + "</small>";
        }
        String reaches = score.projectedDate() != null && !score.projectedDate().isAfter(today) ? "reached" : "reaches";
        String when = score.projectedDate() == null ? "the trend does not reach the target within the horizon"
                : "trend " + reaches + " the target on <time data-projected=\"" + score.projectedDate() + "\">"
                + score.projectedDate() + "</time>";
        return badge + "<small class=\"reason\">" + esc(score.reason()) + "; " + when + "</small>";
    }

    /** met, not met, inconclusive, on track, off track. */
    static String label(Verdict verdict) {
        return verdict.wireName().replace('_', ' ');
    }

    /**
     * A bar from 0 to the target (100%): beyond the target it stays full, below 0 empty; the exact ratio is
     * written beside it. Coloured as the verdict, not by the point estimate alone: a full bar with an
     * {@code inconclusive} verdict stays grey. Drawn with SVG attributes, as the page's CSP forbids inline styles.
     */
    static String progress(Double progress, Verdict verdict) {
        if (progress == null) {
            return "<span class=\"progress none\" title=\"no baseline, or already beyond the target at the baseline\">"
                    + "no progress ratio</span>";
        }
        double filled = Math.max(0, Math.min(1, progress)) * 100;
        String text = Format.percent(progress);
        return "<span class=\"progress\" data-progress=\"" + progress + "\">"
                + "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\""
                + "progress " + text + " of the way to the target\"><rect class=\"track\" width=\"100\" height=\"10\"/>"
                + "<rect class=\"fill v-" + verdict.wireName() + "\" width=\""
                + String.format(Locale.ROOT, "%.1f", filled) + "\" height=\"10\"/></svg>"
                + "<span class=\"progress-text\">" + text + " of target</span></span>";
    }
}
