package io.pilotwatch.simulator.publish;

/** Why a message is published: a real event, or an injected fault. */
public enum Origin {
    /** A message of the simulated truth; counted in the KPIs. */
    REAL,
    /** The same bytes as a real message, sent again (fault injection). */
    DUPLICATE,
    /** A broken payload that the contract rejects (fault injection); never replaces a real message. */
    MALFORMED
}
