package io.pilotwatch.ingest.sparkplug;

import io.pilotwatch.ingest.sparkplug.SparkplugMapping.CostMetric;
import io.pilotwatch.ingest.sparkplug.SparkplugMapping.ProfileMetrics;
import io.pilotwatch.ingest.sparkplug.SparkplugMapping.StateMetric;
import io.pilotwatch.ingest.sparkplug.SparkplugMapping.UnitMetrics;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the resolved metrics of one message for one station into contract payloads, following the mapping.
 * A BIRTH gives the profile and the current machine state; a DATA message gives units, states, costs and
 * profile changes. Values a unit or a cost needs besides its own metric (result, cycle start, energy,
 * currency) are taken from metrics of the same message with the same timestamp, or from the only such
 * metric when the message holds a single unit or cost. Pure logic: no I/O, no clock.
 */
final class MetricMapper {

    /** A contract payload and its event time. */
    record TimedPayload(Instant ts, Payload payload) {
    }

    /**
     * @param events   what the metrics mean, in the order of the metrics that carried them
     * @param problems why metrics that should have made an event did not (for the DLQ detail)
     * @param unmapped DATA metrics whose names the mapping does not mention
     */
    record Result(List<TimedPayload> events, List<String> problems, int unmapped) {
    }

    /** The latest profile values of a station, kept across messages (BIRTH, then changes in DATA). */
    static final class ProfileMemory {
        Optional<String> process = Optional.empty();
        Optional<Boolean> keyProcess = Optional.empty();
        Optional<Boolean> cnc = Optional.empty();
        Optional<Double> idealCycleSeconds = Optional.empty();
    }

    private final SparkplugMapping mapping;
    private final Set<String> known = new HashSet<>();

    MetricMapper(SparkplugMapping mapping) {
        this.mapping = mapping;
        mapping.unit().ifPresent(u -> {
            known.add(u.id());
            known.add(u.result());
            known.add(u.cycleStart());
            u.cycleEnd().ifPresent(known::add);
            u.defectCode().ifPresent(known::add);
        });
        mapping.state().ifPresent(s -> known.add(s.metric()));
        mapping.profile().ifPresent(p -> {
            known.add(p.process());
            known.add(p.keyProcess());
            known.add(p.cnc());
            p.idealCycleSeconds().ifPresent(known::add);
        });
        for (CostMetric cost : mapping.costs()) {
            known.add(cost.metric());
            cost.energyKwh().ifPresent(known::add);
            cost.currencyMetric().ifPresent(known::add);
        }
    }

    Result map(List<ResolvedMetric> metrics, boolean birth, ProfileMemory profile) {
        List<TimedPayload> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int unmapped = 0;
        boolean profileSeen = false;
        for (ResolvedMetric metric : metrics) {
            if (!known.contains(metric.name())) {
                unmapped += birth ? 0 : 1;
                continue;
            }
            if (metric.value().isEmpty()) {
                continue; // a null value declares the metric (BIRTH) or says "unknown": no event
            }
            try {
                if (isProfileMetric(metric.name())) {
                    remember(profile, metric);
                    if (!profileSeen) {
                        profileSeen = true;
                        // Placed where the first profile metric is; filled in after all were read.
                        events.add(new TimedPayload(metric.timestamp(), null));
                    }
                } else if (isStateMetric(metric.name())) {
                    events.add(new TimedPayload(metric.timestamp(), new Payload.State(state(metric))));
                } else if (!birth) {
                    unitOrCost(metric, metrics).ifPresent(events::add);
                }
            } catch (IllegalArgumentException e) {
                problems.add("metric '" + metric.name() + "': " + e.getMessage());
            }
        }
        return new Result(fillProfile(events, profile, problems), problems, unmapped);
    }

    private Optional<TimedPayload> unitOrCost(ResolvedMetric metric, List<ResolvedMetric> all) {
        Optional<UnitMetrics> unit = mapping.unit().filter(u -> u.id().equals(metric.name()));
        if (unit.isPresent()) {
            return Optional.of(unit(unit.get(), metric, all));
        }
        for (CostMetric cost : mapping.costs()) {
            if (cost.metric().equals(metric.name())) {
                return Optional.of(cost(cost, metric, all));
            }
        }
        return Optional.empty(); // a companion: read together with its unit or cost
    }

    private TimedPayload unit(UnitMetrics unit, ResolvedMetric id, List<ResolvedMetric> all) {
        String unitId = MetricValues.text(id.value().orElseThrow());
        String resultText = MetricValues.text(companion(unit.result(), unit.id(), id, all)
                .orElseThrow(() -> new IllegalArgumentException("unit '" + MetricValues.clip(unitId)
                        + "' has no result metric '" + unit.result() + "' in the same message")));
        UnitResult result = lookup(resultText, unit.resultValues(), UnitResult.values(), UnitResult::wireName,
                "result");
        Instant startedAt = MetricValues.instant(companion(unit.cycleStart(), unit.id(), id, all)
                .orElseThrow(() -> new IllegalArgumentException("unit '" + MetricValues.clip(unitId)
                        + "' has no cycle start metric '" + unit.cycleStart() + "' in the same message")));
        Instant completedAt = unit.cycleEnd().flatMap(name -> companion(name, unit.id(), id, all))
                .map(MetricValues::instant).orElse(id.timestamp());
        if (completedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("unit '" + MetricValues.clip(unitId) + "' completes before it starts");
        }
        Optional<String> defectCode = unit.defectCode().flatMap(name -> companion(name, unit.id(), id, all))
                .map(MetricValues::text);
        return new TimedPayload(id.timestamp(), new Payload.Unit(unitId, startedAt, completedAt, result, defectCode));
    }

    private TimedPayload cost(CostMetric cost, ResolvedMetric amount, List<ResolvedMetric> all) {
        Optional<String> currency = cost.currencyMetric().flatMap(name -> companion(name, cost.metric(), amount, all))
                .map(MetricValues::text).or(cost::currency);
        Optional<BigDecimal> energy = cost.energyKwh().flatMap(name -> companion(name, cost.metric(), amount, all))
                .map(MetricValues::decimal);
        return new TimedPayload(amount.timestamp(), new Payload.Cost(cost.category(),
                MetricValues.decimal(amount.value().orElseThrow()), currency.orElseThrow(() ->
                new IllegalArgumentException("no currency metric '" + cost.currencyMetric().orElse("")
                        + "' in the same message and no fixed currency")), energy));
    }

    /**
     * The value of metric {@code name} that belongs to {@code anchor}: the one with the same timestamp, or
     * the only one when the message holds a single {@code anchorName} metric.
     */
    private static Optional<Object> companion(String name, String anchorName, ResolvedMetric anchor,
                                              List<ResolvedMetric> all) {
        Optional<ResolvedMetric> sameTime = all.stream()
                .filter(m -> m.name().equals(name) && m.timestamp().equals(anchor.timestamp())).findFirst();
        if (sameTime.isPresent()) {
            return sameTime.get().value();
        }
        long anchors = all.stream().filter(m -> m.name().equals(anchorName)).count();
        return anchors == 1 ? all.stream().filter(m -> m.name().equals(name)).findFirst()
                .flatMap(ResolvedMetric::value) : Optional.empty();
    }

    private MachineState state(ResolvedMetric metric) {
        StateMetric state = mapping.state().orElseThrow();
        return lookup(MetricValues.text(metric.value().orElseThrow()), state.values(), MachineState.values(),
                MachineState::wireName, "state");
    }

    private static <E> E lookup(String text, Map<String, E> table, E[] all, Function<E, String> wireName,
                                String what) {
        if (!table.isEmpty()) {
            E value = table.get(text);
            if (value == null) {
                throw new IllegalArgumentException(what + " value '" + MetricValues.clip(text)
                        + "' is not in the mapping's table " + table.keySet());
            }
            return value;
        }
        String lower = SparkplugMapping.lower(text);
        for (E candidate : all) {
            if (wireName.apply(candidate).equals(lower)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(what + " value '" + MetricValues.clip(text)
                + "' is not a contract value and the mapping has no table for it");
    }

    private boolean isStateMetric(String name) {
        return mapping.state().map(s -> s.metric().equals(name)).orElse(false);
    }

    private boolean isProfileMetric(String name) {
        return mapping.profile().map(p -> p.process().equals(name) || p.keyProcess().equals(name)
                || p.cnc().equals(name) || p.idealCycleSeconds().map(name::equals).orElse(false)).orElse(false);
    }

    private void remember(ProfileMemory memory, ResolvedMetric metric) {
        ProfileMetrics profile = mapping.profile().orElseThrow();
        Object value = metric.value().orElseThrow();
        if (profile.process().equals(metric.name())) {
            memory.process = Optional.of(MetricValues.text(value));
        } else if (profile.keyProcess().equals(metric.name())) {
            memory.keyProcess = Optional.of(MetricValues.bool(value));
        } else if (profile.cnc().equals(metric.name())) {
            memory.cnc = Optional.of(MetricValues.bool(value));
        } else {
            memory.idealCycleSeconds = Optional.of(MetricValues.number(value));
        }
    }

    private static List<TimedPayload> fillProfile(List<TimedPayload> events, ProfileMemory memory,
                                                  List<String> problems) {
        List<TimedPayload> filled = new ArrayList<>(events.size());
        for (TimedPayload event : events) {
            if (event.payload() != null) {
                filled.add(event);
            } else if (memory.process.isPresent() && memory.keyProcess.isPresent() && memory.cnc.isPresent()) {
                filled.add(new TimedPayload(event.ts(), new Payload.Profile(memory.process.get(),
                        memory.keyProcess.get(), memory.cnc.get(), memory.idealCycleSeconds)));
            } else {
                problems.add("profile incomplete: process, keyProcess and cnc are all needed (from BIRTH or DATA)");
            }
        }
        return filled;
    }
}
