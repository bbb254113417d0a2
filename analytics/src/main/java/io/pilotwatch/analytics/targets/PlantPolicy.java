package io.pilotwatch.analytics.targets;

import java.time.ZoneId;
import java.util.List;

/**
 * What applies to one plant: its time zone (periods are its local calendar), the one currency its costs
 * must be booked in, and its milestones.
 */
public record PlantPolicy(ZoneId zone, String currency, List<Milestone> milestones) {

    public PlantPolicy {
        milestones = List.copyOf(milestones);
    }
}
