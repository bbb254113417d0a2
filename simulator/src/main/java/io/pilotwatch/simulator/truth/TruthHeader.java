package io.pilotwatch.simulator.truth;

import java.util.Map;
import java.util.Optional;

/**
 * What the run was, written at the top of the ground truth.
 *
 * @param scenario the scenario's name
 * @param seed     the seed used
 * @param mode     realtime, accelerated or backfill
 * @param from     the window start as given
 * @param until    the window end as given; empty when unbounded
 * @param faults   the fault injection settings, by option name
 */
public record TruthHeader(String scenario, long seed, String mode, String from, Optional<String> until,
                          Map<String, Object> faults) {
}
