package io.pilotwatch.simulator.scenario;

/**
 * Shares of the bad units by result; each from 0 to 1 (default 0), summing to 1.
 *
 * @param defect share with result {@code defect}
 * @param scrap  share with result {@code scrap}
 * @param rework share with result {@code rework}
 */
public record DefectSplit(Double defect, Double scrap, Double rework) {

    /** Every bad unit is a {@code defect}. */
    public static final DefectSplit ALL_DEFECT = new DefectSplit(1.0, 0.0, 0.0);

    public DefectSplit {
        defect = defect == null ? 0.0 : defect;
        scrap = scrap == null ? 0.0 : scrap;
        rework = rework == null ? 0.0 : rework;
    }
}
