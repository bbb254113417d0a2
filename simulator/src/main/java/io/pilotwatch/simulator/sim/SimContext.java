package io.pilotwatch.simulator.sim;

import java.time.ZoneId;

/**
 * What a line needs from its surroundings.
 *
 * @param queue       the shared agenda
 * @param emitter     turns events into messages
 * @param zone        the plant's time zone
 * @param startMillis the plant's window start
 * @param endMillis   the plant's window end (exclusive); {@link Long#MAX_VALUE} when unbounded
 * @param currency    the plant's currency
 */
record SimContext(EventQueue queue, Emitter emitter, ZoneId zone, long startMillis, long endMillis, String currency) {
}
