package io.pilotwatch.analytics.baseline;

import io.pilotwatch.analytics.config.DefinitionFileException;
import io.pilotwatch.analytics.kpi.Kpi;
import java.util.Map;

/**
 * Checks the baselines file against the baselines already published, at start: a baseline may change only
 * with a higher version. Same version with another definition, or a lower version, fails naming the key.
 */
public final class BaselineCheck {

    private BaselineCheck() {
    }

    /** @throws DefinitionFileException naming the baselines file and the key that would move a frozen baseline */
    public static void requireConsistent(BaselinePlan plan, Map<String, Baseline> published) {
        for (Baseline stored : published.values()) {
            Kpi kpi = stored.kpi();
            PlantBaselines definition = plan.forPlant(stored.plant());
            Baseline expected = definition.expected(stored.plant(), kpi);
            String key = definition.keyOf(kpi);
            if (expected.version() < stored.version()) {
                throw new DefinitionFileException(BaselinesFile.KIND, plan.source(), key, "version "
                        + expected.version() + " is older than the published baseline of " + stored.plant() + " "
                        + kpi.wireName() + " (version " + stored.version() + ")");
            }
            if (expected.version() == stored.version() && !expected.sameDefinition(stored)) {
                throw new DefinitionFileException(BaselinesFile.KIND, plan.source(), key, "changes the frozen "
                        + "baseline of " + stored.plant() + " " + kpi.wireName() + " version " + stored.version()
                        + " (" + stored.describeDefinition() + ") to " + expected.describeDefinition()
                        + " without a new version; raise the version to re-baseline");
            }
        }
    }
}
