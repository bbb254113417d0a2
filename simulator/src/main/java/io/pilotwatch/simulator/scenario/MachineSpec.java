package io.pilotwatch.simulator.scenario;

/**
 * Machine state changes of every station of a line.
 *
 * @param mtbfHours       mean time between failures (exponential); absent: the stations never fail
 * @param mttrHours       mean time to repair (exponential; default 2)
 * @param setupEveryHours a setup (changeover) this often; absent: no setups
 * @param setupMinutes    how long a setup takes (default 30)
 */
public record MachineSpec(Double mtbfHours, Double mttrHours, Double setupEveryHours, Double setupMinutes) {

    public static final MachineSpec NONE = new MachineSpec(null, null, null, null);

    public MachineSpec {
        mttrHours = mttrHours == null ? 2.0 : mttrHours;
        setupMinutes = setupMinutes == null ? 30.0 : setupMinutes;
    }
}
