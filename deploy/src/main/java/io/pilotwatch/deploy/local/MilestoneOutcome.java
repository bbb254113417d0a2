package io.pilotwatch.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a plant meets a milestone, read from the analytics scorecard ({@code /api/v1/scorecard}): it meets it
 * when every targeted KPI's verdict is {@code met}, and does not when at least one is {@code not_met}. Until every
 * KPI of the milestone is assessed (its due month closed, see docs/kpis.md) the outcome is pending.
 *
 * @param state      the outcome
 * @param notMet     the KPIs whose verdict is {@code not_met}
 * @param undecided  the KPIs still projected, or assessed as {@code inconclusive}
 */
record MilestoneOutcome(State state, List<String> notMet, List<String> undecided) {

    enum State { MET, NOT_MET, INCONCLUSIVE, PENDING }

    /** Per plant (in scorecard order), per milestone (in order of appearance). */
    static Map<String, Map<String, MilestoneOutcome>> of(JsonNode scorecard) {
        Map<String, Map<String, MilestoneOutcome>> result = new LinkedHashMap<>();
        for (JsonNode plant : scorecard.path("plants")) {
            Map<String, List<String>> notMet = new LinkedHashMap<>();
            Map<String, List<String>> undecided = new LinkedHashMap<>();
            Map<String, Boolean> allAssessed = new LinkedHashMap<>();
            for (JsonNode kpi : plant.path("kpis")) {
                String name = kpi.path("kpi").asText();
                for (JsonNode milestone : kpi.path("milestones")) {
                    String id = milestone.path("milestone").asText();
                    notMet.computeIfAbsent(id, k -> new ArrayList<>());
                    undecided.computeIfAbsent(id, k -> new ArrayList<>());
                    allAssessed.merge(id, "assessed".equals(milestone.path("status").asText()), Boolean::logicalAnd);
                    String verdict = milestone.path("verdict").asText();
                    if ("not_met".equals(verdict)) {
                        notMet.get(id).add(name);
                    } else if (!"met".equals(verdict)) {
                        undecided.get(id).add(name);
                    }
                }
            }
            Map<String, MilestoneOutcome> byMilestone = new LinkedHashMap<>();
            for (String id : notMet.keySet()) {
                State state = !allAssessed.get(id) ? State.PENDING
                        : !notMet.get(id).isEmpty() ? State.NOT_MET
                        : undecided.get(id).isEmpty() ? State.MET : State.INCONCLUSIVE;
                byMilestone.put(id, new MilestoneOutcome(state, List.copyOf(notMet.get(id)),
                        List.copyOf(undecided.get(id))));
            }
            result.put(plant.path("plant").asText(), byMilestone);
        }
        return result;
    }

    /** E.g. {@code met}, {@code not met (cnc_ratio, energy_per_unit)}, {@code pending}. */
    String describe() {
        return switch (state) {
            case MET -> "met";
            case NOT_MET -> "not met (" + String.join(", ", notMet) + ")";
            case INCONCLUSIVE -> "inconclusive (" + String.join(", ", undecided) + ")";
            case PENDING -> "pending";
        };
    }
}
