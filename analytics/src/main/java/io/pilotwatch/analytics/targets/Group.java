package io.pilotwatch.analytics.targets;

import java.util.List;

/**
 * A named set of plants judged together in the programme view: a programme, a province, an industry. A plant
 * may belong to several groups.
 *
 * @param id     a short label ({@code zhejiang}), used in metrics and URLs
 * @param name   what the pages show
 * @param plants the member plants, in file order; members that never sent data count as "no data"
 */
public record Group(String id, String name, List<String> plants) {

    /** The group every instance has: every plant the analytics knows. */
    public static final String ALL = "all";

    public Group {
        plants = List.copyOf(plants);
    }
}
