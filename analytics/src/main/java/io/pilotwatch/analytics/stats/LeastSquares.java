package io.pilotwatch.analytics.stats;

import java.util.OptionalDouble;

/** Ordinary least squares fit of a straight line {@code y = intercept + slope · x}. */
public record LeastSquares(double intercept, double slope, int points) {

    /** @param xs at least 2 values, not all equal; {@code ys} of the same length */
    public static LeastSquares fit(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length < 2) {
            throw new IllegalArgumentException("need at least 2 points with one y per x");
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < xs.length; i++) {
            meanX += xs[i];
            meanY += ys[i];
        }
        meanX /= xs.length;
        meanY /= xs.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < xs.length; i++) {
            sxy += (xs[i] - meanX) * (ys[i] - meanY);
            sxx += (xs[i] - meanX) * (xs[i] - meanX);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("all x are equal: no line through them");
        }
        double slope = sxy / sxx;
        return new LeastSquares(meanY - slope * meanX, slope, xs.length);
    }

    public double valueAt(double x) {
        return intercept + slope * x;
    }

    /** Where the line reaches {@code y}; empty for a flat line. */
    public OptionalDouble xWhere(double y) {
        return slope == 0 ? OptionalDouble.empty() : OptionalDouble.of((y - intercept) / slope);
    }
}
