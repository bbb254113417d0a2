package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.kpi.ClosedFigures;
import io.pilotwatch.analytics.kpi.Figures;
import io.pilotwatch.analytics.kpi.FiguresCalculator;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.kpi.Lateness;
import io.pilotwatch.analytics.kpi.PlantCalendar;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.kpi.Scope;
import io.pilotwatch.analytics.store.KpiData;
import io.pilotwatch.analytics.targets.Milestone;
import io.pilotwatch.analytics.targets.PlantPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/** Builds a {@link PlantScorecard} from the KPI state: the one computation behind every output. */
public final class ScorecardBuilder {

    private final KpiData data;
    private final AnalyticsConfig config;
    private final FiguresCalculator calculator;
    private final MilestoneAssessor assessor;
    private final TrendBuilder trends;

    private final LongSupplier wallClock;
    /** Whether scorecards carry each KPI's yearly path (not needed for the KPI topic). */
    private final boolean paths;
    private final ClosedFigures closed;

    /** A builder that keeps nothing between builds. */
    public ScorecardBuilder(KpiData data, AnalyticsConfig config, LongSupplier wallClock) {
        this(data, config, wallClock, null);
    }

    /**
     * @param wallClock the time now, for which lines are live (see {@link PlantRecord#watermarkMillis})
     * @param closed    the figures of closed months, kept between builds (and builders); null to keep none
     */
    public ScorecardBuilder(KpiData data, AnalyticsConfig config, LongSupplier wallClock, ClosedFigures closed) {
        this(data, config, wallClock, closed, true);
    }

    private ScorecardBuilder(KpiData data, AnalyticsConfig config, LongSupplier wallClock, ClosedFigures closed,
                             boolean paths) {
        this.paths = paths;
        this.closed = closed;
        this.data = data;
        this.config = config;
        this.wallClock = wallClock;
        this.calculator = new FiguresCalculator(data, closed);
        this.assessor = new MilestoneAssessor(config.verdicts());
        this.trends = new TrendBuilder(calculator, config.verdicts().trendMonths());
    }

    /** The same builder, making scorecards without the KPIs' yearly paths ({@link KpiScore#years} empty). */
    public ScorecardBuilder withoutPaths() {
        return new ScorecardBuilder(data, config, wallClock, closed, false);
    }

    /** Scorecards of every plant this instance holds, by plant id. */
    public List<PlantScorecard> buildAll() {
        List<PlantScorecard> cards = new ArrayList<>();
        for (String plant : data.plants()) {
            build(plant).ifPresent(cards::add);
        }
        return cards;
    }

    /** The plant's scorecard; empty when it has no accepted event yet. */
    public Optional<PlantScorecard> build(String plant) {
        return data.plant(plant).filter(PlantRecord::hasClock)
                .map(record -> build(plant, record, openFrom(plant, record)));
    }

    /**
     * The one input of a scorecard that moves with the wall clock alone: the start of the oldest month still
     * open on the plant's watermark, which rises or falls as lines fall idle (the milestones it makes assessable
     * are assessed, the others projected). Everything else in a scorecard comes from the plant's stored state.
     */
    public long openFrom(String plant, PlantRecord record) {
        long watermark = record.watermarkMillis(wallClock.getAsLong(), config.processing().lineIdleTimeout());
        return Lateness.openFrom(calendar(plant), watermark, config.processing().grace());
    }

    /** The plant's scorecard with the monthly values of its trend charts; empty when it has no event yet. */
    public Optional<PlantDetail> detail(String plant) {
        return data.plant(plant).filter(PlantRecord::hasClock).map(record -> new PlantDetail(
                build(plant, record, openFrom(plant, record)), trends.build(scope(plant, record))));
    }

    private PlantCalendar calendar(String plant) {
        return new PlantCalendar(config.targets().forPlant(plant).zone());
    }

    /** Lines in order, so that figures summed over them come out the same in every run. */
    private Scope scope(String plant, PlantRecord record) {
        return Scope.plant(plant, record.lines().stream().sorted().toList(), calendar(plant), record.clockMillis());
    }

    /**
     * The plant's scorecard from its state and {@link #openFrom}: the same arguments give the same scorecard.
     *
     * @param record a record with a clock ({@link PlantRecord#hasClock})
     */
    public PlantScorecard build(String plant, PlantRecord record, long watermarkOpenFrom) {
        // An assessed milestone stays assessed even if a line that came back lowers the watermark again.
        long openFrom = Math.max(watermarkOpenFrom, record.finalUntilMillis());
        PlantPolicy policy = config.targets().forPlant(plant);
        long clock = record.clockMillis();
        Scope scope = scope(plant, record);
        PlantCalendar calendar = scope.calendar();
        List<WindowFigures> windows = windows(scope);
        Map<String, List<WindowFigures>> lines = new TreeMap<>();
        for (String line : scope.lines()) {
            lines.put(line, windows(scope.line(line)));
        }
        WindowFigures trailing = windows.get(2);
        Map<YearMonth, Figures> months = completeMonths(scope);
        Map<Integer, Figures> years = new HashMap<>();
        // A milestone is assessed once its due date is final for every live line, not just the fastest.
        Map<String, Figures> assessed = new HashMap<>();
        List<KpiScore> kpis = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            if (!kpi.targeted()) {
                continue;
            }
            Optional<Baseline> baseline = data.baseline(plant, kpi);
            List<MilestoneScore> scores = new ArrayList<>();
            for (Milestone milestone : policy.milestones()) {
                if (milestone.targets().containsKey(kpi)) {
                    Optional<Figures> window = openFrom < calendar.startOf(milestone.due().plusDays(1))
                            ? Optional.empty() : Optional.of(assessed.computeIfAbsent(milestone.id(),
                            id -> calculator.days(scope, milestone.assessmentStart(), milestone.due())));
                    scores.add(assessor.score(kpi, milestone, baseline, window, trailing, months));
                }
            }
            KpiValue current = trailing.values().get(kpi);
            KpiScore.Reduction reduction = current != null && kpi.lowerIsBetter()
                    && baseline.filter(Baseline::hasValue).isPresent()
                    ? KpiScore.Reduction.of(current, baseline.get()) : null;
            List<YearValue> path = paths ? path(scope, record, kpi, baseline, windows.get(1), years) : List.of();
            kpis.add(new KpiScore(kpi, kpi.unit(), baseline.orElse(null), current, reduction, scores, path));
        }
        return new PlantScorecard(plant, policy.zone().getId(), policy.currency(),
                Instant.ofEpochMilli(clock), PlantScorecard.DEFINITIONS_VERSION, config.targets().source(),
                config.baselines().source(), Completeness.of(record), windows, lines, kpis);
    }

    /** The oldest year a path goes back to: no further than this before the clock's year. */
    static final int MAX_PATH_YEARS = 15;

    /**
     * The KPI in each calendar year from its baseline's year (a baseline with a value; or the first event's, if
     * earlier) to the clock's year.
     * Years before the first event hold no data and are not computed.
     */
    private List<YearValue> path(Scope scope, PlantRecord record, Kpi kpi, Optional<Baseline> baseline,
                                 WindowFigures clockYear, Map<Integer, Figures> years) {
        PlantCalendar calendar = scope.calendar();
        int last = calendar.dateOf(scope.clockMillis()).getYear();
        int firstEvent = calendar.dateOf(record.firstEventMillis()).getYear();
        int first = Math.max(last - MAX_PATH_YEARS + 1, Math.min(firstEvent, baseline.filter(Baseline::hasValue).flatMap(ScorecardBuilder::year)
                .orElse(firstEvent)));
        List<YearValue> path = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            KpiValue value;
            if (year == last) {
                value = clockYear.values().get(kpi);
            } else if (year < firstEvent) {
                value = null;
            } else {
                value = years.computeIfAbsent(year, y -> calculator.year(scope, y)).value(kpi).orElse(null);
            }
            path.add(new YearValue(year, year < last, value));
        }
        return path;
    }

    /** The year a baseline describes: its learning period's start, or a configured period that starts with one. */
    private static Optional<Integer> year(Baseline baseline) {
        if (baseline.learnFrom() != null) {
            return Optional.of(baseline.learnFrom().getYear());
        }
        String period = baseline.period();
        return period != null && period.matches("\\d{4}(\\D.*)?") ? Optional.of(Integer.parseInt(period.substring(0, 4)))
                : Optional.empty();
    }

    /** The clock's month, its year and the trailing window, in that order. */
    private List<WindowFigures> windows(Scope scope) {
        LocalDate today = scope.calendar().dateOf(scope.clockMillis());
        YearMonth month = YearMonth.from(today);
        LocalDate trailingFrom = today.minusDays(config.verdicts().trailingDays() - 1L);
        return List.of(
                WindowFigures.of("month", month.toString(), month.atDay(1), month.atEndOfMonth(),
                        calculator.month(scope, month)),
                WindowFigures.of("year", Integer.toString(today.getYear()), LocalDate.of(today.getYear(), 1, 1),
                        LocalDate.of(today.getYear(), 12, 31), calculator.year(scope, today.getYear())),
                WindowFigures.of("trailing", trailingFrom + ".." + today, trailingFrom, today,
                        calculator.days(scope, trailingFrom, today)));
    }

    private Map<YearMonth, Figures> completeMonths(Scope scope) {
        YearMonth current = scope.calendar().monthOf(scope.clockMillis());
        Map<YearMonth, Figures> months = new LinkedHashMap<>();
        for (int back = config.verdicts().trendMonths(); back >= 1; back--) {
            YearMonth month = current.minusMonths(back);
            months.put(month, calculator.month(scope, month));
        }
        return months;
    }
}
