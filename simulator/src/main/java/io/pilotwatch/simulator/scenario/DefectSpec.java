package io.pilotwatch.simulator.scenario;

/**
 * Quality of the units.
 *
 * @param probability probability that a unit is not {@code good}, from 0 to 1
 * @param split       how the bad units divide into defect, scrap and rework (default: all {@code defect})
 */
public record DefectSpec(Double probability, DefectSplit split) {

    public DefectSpec {
        split = split == null ? DefectSplit.ALL_DEFECT : split;
    }
}
