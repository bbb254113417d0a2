package io.pilotwatch.analytics.stats;

/**
 * The 0.975 quantile of Student's t distribution, for 95% two-sided intervals of a mean.
 *
 * <p>Exact (tabulated, 10 significant digits) for 1 to 30 degrees of freedom; beyond that the
 * Cornish-Fisher expansion in 1/df to the fourth order, whose error is below 1e-5 at df = 31 and shrinks
 * from there. So a mean's interval uses t at every sample size and tends to the normal one.
 */
public final class StudentT {

    private static final double[] TABLE = {
        Double.NaN, 12.70620474, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252,
        2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830, 2.160368656, 2.144786688, 2.131449546,
        2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.068657610,
        2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
    };

    private StudentT() {
    }

    /** @param degreesOfFreedom at least 1 */
    public static double quantile975(long degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + degreesOfFreedom);
        }
        if (degreesOfFreedom < TABLE.length) {
            return TABLE[(int) degreesOfFreedom];
        }
        double z = Confidence.Z_95;
        double v = degreesOfFreedom;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        double z9 = z7 * z * z;
        double g1 = (z3 + z) / 4;
        double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
        double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
        double g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
    }
}
