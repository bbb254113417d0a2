package io.pilotwatch.analytics.targets;

import io.pilotwatch.analytics.config.DefinitionNode;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.telemetry.StationId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a targets file (format in docs/kpis.md). Without a file, the bundled {@code policy-targets.yaml}
 * applies: the Box 2 milestones for every plant. Every problem names the file and the key.
 */
public final class TargetsFile {

    static final String KIND = "targets";
    private static final String RESOURCE = "policy-targets.yaml";
    private static final Pattern MILESTONE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern GROUP_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private TargetsFile() {
    }

    public static Targets load(Path file) {
        return parse(DefinitionNode.read(KIND, file));
    }

    /** The Box 2 policy defaults bundled with the service. */
    public static Targets policyDefaults() {
        try (InputStream in = TargetsFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + RESOURCE + " is missing from the jar");
            }
            return parse(DefinitionNode.parse(KIND, "classpath:" + RESOURCE,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Targets parse(DefinitionNode root) {
        root.keys(Set.of("defaults", "plants", "groups"));
        DefinitionNode defaultsNode = root.get("defaults");
        if (!defaultsNode.isPresent()) {
            throw defaultsNode.problem("is required (timezone, currency and milestones of every plant)");
        }
        PlantPolicy defaults = policy(defaultsNode, null);
        Map<String, PlantPolicy> plants = new LinkedHashMap<>();
        DefinitionNode plantsNode = root.get("plants");
        for (String plant : plantsNode.keys()) {
            DefinitionNode node = plantsNode.get(plant);
            if (!StationId.isValidId(plant)) {
                throw node.problem("is not a plant id (" + StationId.ID_PATTERN + ")");
            }
            plants.put(plant, policy(node, defaults));
        }
        return new Targets(root.file(), defaults, plants, groups(root.get("groups")));
    }

    private static List<Group> groups(DefinitionNode node) {
        List<Group> groups = new ArrayList<>();
        for (String id : node.keys()) {
            DefinitionNode group = node.get(id);
            if (!GROUP_ID.matcher(id).matches() || Group.ALL.equals(id)) {
                throw group.problem("is not a group id (" + GROUP_ID + ", not '" + Group.ALL
                        + "', which every programme view has: every plant the analytics knows)");
            }
            group.keys(Set.of("name", "plants"));
            DefinitionNode plantsNode = group.get("plants");
            List<String> plants = plantsNode.texts();
            if (plants.isEmpty()) {
                throw plantsNode.problem("is empty: a group needs at least one plant");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < plants.size(); i++) {
                String plant = plants.get(i);
                if (!StationId.isValidId(plant)) {
                    throw plantsNode.problem("item " + (i + 1) + " '" + plant + "' is not a plant id (" + StationId.ID_PATTERN + ")");
                }
                if (!seen.add(plant)) {
                    throw plantsNode.problem("names plant '" + plant + "' twice");
                }
            }
            groups.add(new Group(id, group.get("name").optionalText().orElse(id), plants));
        }
        return groups;
    }

    /** A plant's policy; with {@code base} null it is the defaults, where everything is required. */
    private static PlantPolicy policy(DefinitionNode node, PlantPolicy base) {
        node.keys(Set.of("timezone", "currency", "milestones"));
        ZoneId zone = node.get("timezone").optionalText().map(text -> zone(node.get("timezone"), text))
                .orElseGet(() -> base == null ? ZoneId.of("Asia/Shanghai") : base.zone());
        String currency = node.get("currency").optionalText().orElse(base == null ? "CNY" : base.currency());
        if (!CURRENCY.matcher(currency).matches()) {
            throw node.get("currency").problem("must be an ISO 4217 code of three capital letters, got '" + currency + "'");
        }
        DefinitionNode milestonesNode = node.get("milestones");
        List<Milestone> milestones = milestonesNode.isPresent() || base == null
                ? milestones(milestonesNode) : base.milestones();
        return new PlantPolicy(zone, currency, milestones);
    }

    private static ZoneId zone(DefinitionNode node, String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw node.problem("is not a time zone id (such as Asia/Shanghai), got '" + text + "'");
        }
    }

    private static List<Milestone> milestones(DefinitionNode node) {
        List<Milestone> milestones = new ArrayList<>();
        for (String id : node.keys()) {
            DefinitionNode milestone = node.get(id);
            if (!MILESTONE_ID.matcher(id).matches()) {
                throw milestone.problem("is not a milestone id (" + MILESTONE_ID + ")");
            }
            milestone.keys(Set.of("due", "assessmentDays", "targets"));
            DefinitionNode days = milestone.get("assessmentDays");
            Map<Kpi, Target> targets = targets(milestone.get("targets"));
            milestones.add(new Milestone(id, milestone.get("due").date(),
                    days.isPresent() ? days.integer(1, 3660) : 90, targets));
        }
        return milestones;
    }

    private static Map<Kpi, Target> targets(DefinitionNode node) {
        Map<Kpi, Target> targets = new EnumMap<>(Kpi.class);
        if (!node.isPresent()) {
            throw node.problem("is required (at least one KPI target)");
        }
        for (String name : node.keys()) {
            DefinitionNode target = node.get(name);
            Optional<Kpi> kpi = Kpi.fromWireName(name).filter(Kpi::targeted);
            if (kpi.isEmpty()) {
                throw target.problem("is not a KPI with targets (defect_rate, production_cycle, operating_cost, "
                        + "energy_per_unit, cnc_ratio)");
            }
            targets.put(kpi.get(), target(target, kpi.get()));
        }
        return targets;
    }

    private static Target target(DefinitionNode node, Kpi kpi) {
        node.keys(Set.of("reduction", "atLeast"));
        if (kpi.lowerIsBetter()) {
            if (node.get("atLeast").isPresent() || !node.get("reduction").isPresent()) {
                throw node.problem("needs 'reduction' (a fraction of the baseline, 0.30 for -30%): lower is better");
            }
            return new Target(kpi, Target.Type.REDUCTION, node.get("reduction").number(0.000001, 0.999999));
        }
        if (node.get("reduction").isPresent() || !node.get("atLeast").isPresent()) {
            throw node.problem("needs 'atLeast' (a ratio from 0 to 1, 0.50 for 50%): higher is better");
        }
        return new Target(kpi, Target.Type.AT_LEAST, node.get("atLeast").number(0, 1));
    }
}
