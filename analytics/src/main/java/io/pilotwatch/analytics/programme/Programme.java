package io.pilotwatch.analytics.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * The programme view: every group of plants (the implicit {@code all}, then the targets file's groups) against its
 * milestones and the national CNC indicator. A view of the plants' scorecards; docs/kpis.md#programme defines it.
 */
public record Programme(List<GroupFigures> groups) {

    public Programme {
        groups = List.copyOf(groups);
    }

    /**
     * One group.
     *
     * @param plants         its members (for {@code all}: every plant with data)
     * @param plantsWithData the members with a scorecard
     * @param tallies        per milestone (by due date) the KPI {@value #ALL_KPIS} first (every target of the
     *                       milestone), then each KPI with a target in it
     * @param reductions     per lower-is-better KPI the spread of the plants' reductions against their baselines: over
     *                       the trailing window ({@value #CURRENT}), then in each assessed milestone's window
     * @param cncRatio       the mean of the plants' CNC ratios of key processes per calendar year since
     *                       {@value NationalIndicator#FIRST_YEAR}
     */
    public record GroupFigures(String id, String name, List<String> plants, List<String> plantsWithData,
                               List<Tally> tallies, List<Spread> reductions, List<CncYear> cncRatio) {
    }

    /** The tally's KPI when it counts plants that met every target of the milestone. */
    public static final String ALL_KPIS = "all";
    /** The spread's window over the trailing days (the plants' current standing). */
    public static final String CURRENT = "current";

    /**
     * How many plants of a group stand where on one KPI (or {@value #ALL_KPIS}) and milestone.
     *
     * @param status {@code assessed}, {@code projected}, or {@code mixed} when plants' clocks put them on both sides
     *               of the due date
     * @param plants the members whose targets include this KPI in this milestone: the denominator of the shares
     * @param counts one per {@link Standing}, in that order
     */
    public record Tally(String kpi, String milestone, LocalDate due, String status, int plants, List<Count> counts) {
    }

    /**
     * The plants with one standing, their share of the tally's plants and its 95% Clopper-Pearson interval.
     *
     * @param members the plants, sorted
     */
    public record Count(String standing, int plants, double share, double lower, double upper, List<String> members) {
    }

    /**
     * The spread of a KPI's reduction (1 - value / baseline) across the plants that have one.
     *
     * @param window      {@value #CURRENT} or a milestone id (its assessment window)
     * @param plants      how many plants have a reduction there
     * @param median      null without plants; quartiles by linear interpolation (R's type 7)
     * @param target      the reduction the milestone asks for, when every member's targets agree; else null
     */
    public record Spread(String kpi, String window, int plants, Double median, Double q1, Double q3, Double min,
                         Double max, Double target) {
    }

    /**
     * The CNC ratio of key processes of one year as the plan defines it: the mean of the plants' ratios.
     *
     * @param plants    the plants with a ratio in that year (year-end profiles)
     * @param mean      null without plants
     * @param lower     the mean's 95% t interval across plants; null with fewer than two
     * @param complete  whether the year is over on every contributing plant's clock
     * @param indicator the national indicator's value for the year (0.33, 0.50, 0.64), else null
     * @param verdict   against the indicator: {@code met} when the interval is at or above it, {@code not_met} when
     *                  below, {@code inconclusive} when it straddles or there is no interval, {@code no_data}
     *                  without plants; null for years without an indicator
     */
    public record CncYear(int year, int plants, Double mean, Double lower, Double upper, boolean complete,
                          Double indicator, String verdict) {
    }
}
