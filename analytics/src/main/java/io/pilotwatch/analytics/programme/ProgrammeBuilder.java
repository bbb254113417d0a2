package io.pilotwatch.analytics.programme;

import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.programme.Programme.CncYear;
import io.pilotwatch.analytics.programme.Programme.Count;
import io.pilotwatch.analytics.programme.Programme.GroupFigures;
import io.pilotwatch.analytics.programme.Programme.Spread;
import io.pilotwatch.analytics.programme.Programme.Tally;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.YearValue;
import io.pilotwatch.analytics.stats.ClopperPearson;
import io.pilotwatch.analytics.stats.Interval;
import io.pilotwatch.analytics.stats.Quantiles;
import io.pilotwatch.analytics.stats.SampleMean;
import io.pilotwatch.analytics.targets.Group;
import io.pilotwatch.analytics.targets.Milestone;
import io.pilotwatch.analytics.targets.Target;
import io.pilotwatch.analytics.targets.Targets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Computes the {@link Programme} from the plants' scorecards (all of them, whichever instance holds them) and the
 * targets file (each plant's milestones, and the groups). Pure: the same cards and targets give the same programme.
 */
public final class ProgrammeBuilder {

    private final Targets targets;

    public ProgrammeBuilder(Targets targets) {
        this.targets = targets;
    }

    public Programme build(List<PlantScorecard> cards) {
        Map<String, PlantScorecard> byPlant = new TreeMap<>();
        cards.forEach(card -> byPlant.put(card.plant(), card));
        List<GroupFigures> groups = new ArrayList<>();
        groups.add(group(new Group(Group.ALL, "All plants", List.copyOf(byPlant.keySet())), byPlant));
        for (Group group : targets.groups()) {
            groups.add(group(group, byPlant));
        }
        return new Programme(groups);
    }

    private GroupFigures group(Group group, Map<String, PlantScorecard> byPlant) {
        List<PlantScorecard> withData = group.plants().stream().map(byPlant::get).filter(card -> card != null).toList();
        return new GroupFigures(group.id(), group.name(), group.plants(),
                withData.stream().map(PlantScorecard::plant).toList(), tallies(group.plants(), byPlant),
                reductions(group.plants(), byPlant), cncRatio(withData));
    }

    // ---- tallies

    private List<Tally> tallies(List<String> plants, Map<String, PlantScorecard> byPlant) {
        List<Tally> tallies = new ArrayList<>();
        milestones(plants, m -> true).forEach((id, due) -> {
            Map<String, Milestone> ofPlant = new LinkedHashMap<>();
            for (String plant : plants) {
                milestone(plant, id).ifPresent(m -> ofPlant.put(plant, m));
            }
            tallies.add(tally(Programme.ALL_KPIS, id, due, ofPlant, plant -> overall(byPlant.get(plant),
                    ofPlant.get(plant)), byPlant));
            for (Kpi kpi : Kpi.values()) {
                Map<String, Milestone> targeting = new LinkedHashMap<>(ofPlant);
                targeting.values().removeIf(m -> !m.targets().containsKey(kpi));
                if (!targeting.isEmpty()) {
                    tallies.add(tally(kpi.wireName(), id, due, targeting,
                            plant -> standing(score(byPlant.get(plant), kpi, id)), byPlant));
                }
            }
        });
        return tallies;
    }

    /**
     * The ids of the members' milestones that pass {@code filter}, each with its earliest due date, in due-date order
     * (plants may override the defaults with milestones of their own).
     */
    private Map<String, LocalDate> milestones(List<String> plants, Predicate<Milestone> filter) {
        Map<String, LocalDate> milestones = new LinkedHashMap<>();
        plants.stream().flatMap(plant -> targets.forPlant(plant).milestones().stream()).filter(filter)
                .sorted(Comparator.comparing(Milestone::due).thenComparing(Milestone::id))
                .forEach(m -> milestones.putIfAbsent(m.id(), m.due()));
        return milestones;
    }

    private Optional<Milestone> milestone(String plant, String id) {
        return targets.forPlant(plant).milestones().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static Tally tally(String kpi, String milestone, LocalDate due, Map<String, Milestone> plants,
                               Function<String, Standing> standingOf, Map<String, PlantScorecard> byPlant) {
        Map<Standing, List<String>> members = new EnumMap<>(Standing.class);
        for (Standing standing : Standing.values()) {
            members.put(standing, new ArrayList<>());
        }
        Set<String> statuses = new TreeSet<>();
        for (String plant : plants.keySet()) {
            members.get(standingOf.apply(plant)).add(plant);
            PlantScorecard card = byPlant.get(plant);
            if (card != null) {
                card.kpis().stream().flatMap(s -> s.milestones().stream()).filter(m -> m.milestone().equals(milestone))
                        .findFirst().ifPresent(m -> statuses.add(m.status()));
            }
        }
        int n = plants.size();
        List<Count> counts = new ArrayList<>();
        members.forEach((standing, list) -> {
            Interval share = ClopperPearson.interval(list.size(), n);
            counts.add(new Count(standing.wireName(), list.size(), share.estimate(), share.lower(), share.upper(),
                    list.stream().sorted().toList()));
        });
        String status = statuses.size() == 1 ? statuses.iterator().next() : statuses.isEmpty() ? "no_data" : "mixed";
        return new Tally(kpi, milestone, due, status, n, counts);
    }

    private static Optional<MilestoneScore> score(PlantScorecard card, Kpi kpi, String milestone) {
        if (card == null) {
            return Optional.empty();
        }
        return card.kpis().stream().filter(s -> s.kpi() == kpi).flatMap(s -> s.milestones().stream())
                .filter(m -> m.milestone().equals(milestone)).findFirst();
    }

    /** A plant's standing on one KPI: its verdict, or no data when the verdict rests on nothing. */
    static Standing standing(Optional<MilestoneScore> score) {
        if (score.isEmpty()) {
            return Standing.NO_DATA;
        }
        MilestoneScore m = score.get();
        boolean assessed = "assessed".equals(m.status());
        if (assessed ? m.value() == null : m.projectedValueAtDue() == null && m.value() == null) {
            return Standing.NO_DATA;
        }
        return Standing.valueOf(m.verdict().name());
    }

    /**
     * A plant's standing on every target of a milestone: met when every KPI is met; not met when any is not met;
     * off track when any is off track (and none not met); on track when each is on track or met; no data when
     * none has data; otherwise inconclusive.
     */
    private static Standing overall(PlantScorecard card, Milestone milestone) {
        if (card == null) {
            return Standing.NO_DATA;
        }
        Set<Standing> standings = new HashSet<>();
        for (Kpi kpi : milestone.targets().keySet()) {
            standings.add(standing(score(card, kpi, milestone.id())));
        }
        if (standings.equals(Set.of(Standing.MET))) {
            return Standing.MET;
        }
        if (standings.contains(Standing.NOT_MET)) {
            return Standing.NOT_MET;
        }
        if (standings.contains(Standing.OFF_TRACK)) {
            return Standing.OFF_TRACK;
        }
        if (Set.of(Standing.ON_TRACK, Standing.MET).containsAll(standings)) {
            return Standing.ON_TRACK;
        }
        if (standings.equals(Set.of(Standing.NO_DATA))) {
            return Standing.NO_DATA;
        }
        return Standing.INCONCLUSIVE;
    }

    // ---- reductions

    private List<Spread> reductions(List<String> plants, Map<String, PlantScorecard> byPlant) {
        List<Spread> spreads = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            if (!kpi.targeted() || !kpi.lowerIsBetter()) {
                continue;
            }
            List<KpiScore> scores = plants.stream().map(byPlant::get).filter(card -> card != null)
                    .flatMap(card -> card.kpis().stream()).filter(s -> s.kpi() == kpi).toList();
            spreads.add(spread(kpi, Programme.CURRENT, scores.stream().filter(s -> s.reduction() != null)
                    .map(s -> s.reduction().value()).toList(), null));
            for (String id : milestones(plants, m -> m.targets().containsKey(kpi)).keySet()) {
                List<Double> values = new ArrayList<>();
                for (KpiScore score : scores) {
                    if (score.baseline() == null || !score.baseline().hasValue()) {
                        continue;
                    }
                    score.milestones().stream().filter(m -> m.milestone().equals(id) && "assessed".equals(m.status())
                                    && m.value() != null)
                            .forEach(m -> values.add(1 - m.value().value() / score.baseline().value()));
                }
                spreads.add(spread(kpi, id, values, commonTarget(plants, kpi, id)));
            }
        }
        return spreads;
    }

    /** The reduction every member's targets ask of {@code kpi} in milestone {@code id}; null if they differ. */
    private Double commonTarget(List<String> plants, Kpi kpi, String id) {
        Set<Double> amounts = plants.stream().flatMap(p -> milestone(p, id).stream())
                .map(m -> m.targets().get(kpi)).filter(t -> t != null && t.type() == Target.Type.REDUCTION)
                .map(Target::amount).collect(Collectors.toSet());
        return amounts.size() == 1 ? amounts.iterator().next() : null;
    }

    private static Spread spread(Kpi kpi, String window, List<Double> values, Double target) {
        if (values.isEmpty()) {
            return new Spread(kpi.wireName(), window, 0, null, null, null, null, null, target);
        }
        List<Double> sorted = values.stream().sorted().toList();
        return new Spread(kpi.wireName(), window, sorted.size(), Quantiles.of(sorted, 0.5), Quantiles.of(sorted, 0.25),
                Quantiles.of(sorted, 0.75), sorted.get(0), sorted.get(sorted.size() - 1), target);
    }

    // ---- CNC ratio of key processes

    private static List<CncYear> cncRatio(List<PlantScorecard> cards) {
        Map<Integer, List<YearValue>> byYear = new TreeMap<>();
        int last = NationalIndicator.FIRST_YEAR - 1;
        for (PlantScorecard card : cards) {
            for (KpiScore score : card.kpis()) {
                if (score.kpi() != Kpi.CNC_RATIO) {
                    continue;
                }
                for (YearValue year : score.years()) {
                    last = Math.max(last, year.year());
                    if (year.value() != null && year.year() >= NationalIndicator.FIRST_YEAR) {
                        byYear.computeIfAbsent(year.year(), y -> new ArrayList<>()).add(year);
                    }
                }
            }
        }
        List<CncYear> years = new ArrayList<>();
        for (int year = NationalIndicator.FIRST_YEAR; year <= last; year++) {
            List<YearValue> values = byYear.getOrDefault(year, List.of());
            Double indicator = NationalIndicator.cncRatio(year).orElse(null);
            boolean complete = values.stream().allMatch(YearValue::complete);
            if (values.isEmpty()) {
                years.add(new CncYear(year, 0, null, null, null, complete, indicator,
                        indicator == null ? null : Standing.NO_DATA.wireName()));
                continue;
            }
            List<Double> ratios = values.stream().map(v -> v.value().value()).toList();
            double mean = ratios.stream().mapToDouble(Double::doubleValue).sum() / ratios.size();
            // A ratio lies in [0, 1]: clipping the t interval there can only raise its coverage.
            Optional<Interval> interval = SampleMean.of(ratios).map(i -> new Interval(i.estimate(),
                    Math.max(0, i.lower()), Math.min(1, i.upper())));
            String verdict = null;
            if (indicator != null) {
                verdict = interval.isEmpty() ? Standing.INCONCLUSIVE.wireName()
                        : interval.get().lower() >= indicator ? Standing.MET.wireName()
                        : interval.get().upper() < indicator ? Standing.NOT_MET.wireName()
                        : Standing.INCONCLUSIVE.wireName();
            }
            years.add(new CncYear(year, ratios.size(), mean, interval.map(Interval::lower).orElse(null),
                    interval.map(Interval::upper).orElse(null), complete, indicator, verdict));
        }
        return years;
    }
}
