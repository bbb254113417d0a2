package io.pilotwatch.simulator.sim;

import java.util.SplittableRandom;

/**
 * Random variates. {@link StrictMath} instead of {@link Math}: Math may use CPU intrinsics whose last bit
 * differs between machines, and the same seed must give the same bytes everywhere.
 */
final class Sampling {

    private Sampling() {
    }

    /** Exponential with the given mean. */
    static double exponential(SplittableRandom random, double mean) {
        return -mean * StrictMath.log(1.0 - random.nextDouble());
    }

    /** Lognormal with the given mean and coefficient of variation; {@code cv = 0} gives the mean. */
    static double lognormal(SplittableRandom random, double mean, double cv) {
        if (cv == 0) {
            return mean;
        }
        double sigmaSquared = StrictMath.log(1 + cv * cv);
        double mu = StrictMath.log(mean) - sigmaSquared / 2;
        return StrictMath.exp(mu + StrictMath.sqrt(sigmaSquared) * standardNormal(random));
    }

    /** Box-Muller; its own implementation because RandomGenerator's may change between JDK versions. */
    static double standardNormal(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** Whole seconds, at least one: state durations. */
    static long wholeSecondsMillis(double seconds) {
        return Math.max(1, StrictMath.round(seconds)) * 1000L;
    }
}
