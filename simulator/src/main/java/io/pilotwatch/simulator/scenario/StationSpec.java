package io.pilotwatch.simulator.scenario;

/**
 * A station of a line, as its {@code profile} message describes it at the start.
 *
 * @param id                the station id in topics
 * @param process           the process it runs ({@code milling}, {@code assembly}, ...)
 * @param keyProcess        whether it is a key process (default false)
 * @param cnc               whether it is numerically controlled (default false)
 * @param idealCycleSeconds its ideal cycle time in seconds, for OEE performance
 */
public record StationSpec(String id, String process, Boolean keyProcess, Boolean cnc, Double idealCycleSeconds) {

    public StationSpec {
        keyProcess = keyProcess != null && keyProcess;
        cnc = cnc != null && cnc;
    }

    /** A copy with another id (used by scaling). */
    public StationSpec withId(String newId) {
        return new StationSpec(newId, process, keyProcess, cnc, idealCycleSeconds);
    }
}
