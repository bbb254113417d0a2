package io.pilotwatch.simulator.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated change to a line, taking effect at local midnight of {@code date} in the plant's time zone.
 * Factors multiply the line's current value, so they compound across interventions.
 *
 * @param date              {@code YYYY-MM} (the first of the month) or {@code YYYY-MM-DD}
 * @param note              free text
 * @param stations          stations of this line that are retrofitted (default none); each gets a new profile
 * @param cnc               what the listed stations' {@code cnc} becomes (default true when neither
 *                          {@code keyProcess} nor {@code idealCycleSeconds} is set, otherwise unchanged)
 * @param keyProcess        what the listed stations' {@code keyProcess} becomes (default unchanged)
 * @param idealCycleSeconds the listed stations' new ideal cycle (default unchanged)
 * @param defect            factor on the defect probability (default 1)
 * @param cycle             factor on the mean production cycle (default 1)
 * @param rate              factor on the production rate (default 1)
 * @param energy            factor on energy per unit, in kWh and in money (default 1)
 * @param cost              factors on the cost per unit by category (default 1)
 * @param mtbf              factor on the mean time between failures (default 1)
 * @param mttr              factor on the mean time to repair (default 1)
 */
public record InterventionSpec(String date, String note, List<String> stations, Boolean cnc, Boolean keyProcess,
                               Double idealCycleSeconds, Double defect, Double cycle, Double rate, Double energy,
                               CostFactors cost, Double mtbf, Double mttr) {

    public InterventionSpec {
        stations = Lists.copyOrEmpty(stations);
        if (cnc == null && !stations.isEmpty() && keyProcess == null && idealCycleSeconds == null) {
            cnc = true;
        }
        defect = defect == null ? 1.0 : defect;
        cycle = cycle == null ? 1.0 : cycle;
        rate = rate == null ? 1.0 : rate;
        energy = energy == null ? 1.0 : energy;
        cost = cost == null ? CostFactors.NONE : cost;
        mtbf = mtbf == null ? 1.0 : mtbf;
        mttr = mttr == null ? 1.0 : mttr;
    }

    /** The day it takes effect; only valid after validation. */
    public LocalDate day() {
        return ScenarioDates.parseDay(date).orElseThrow();
    }

    /** A copy whose station list is replaced (used by scaling). */
    public InterventionSpec withStations(List<String> newStations) {
        return new InterventionSpec(date, note, newStations, cnc, keyProcess, idealCycleSeconds, defect, cycle,
                rate, energy, cost, mtbf, mttr);
    }
}
