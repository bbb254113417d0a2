package io.pilotwatch.analytics.stats;

import java.util.OptionalDouble;

/**
 * Ordinary least squares fit of a straight line {@code y = intercept + slope · x}, with what a prediction
 * interval needs: the mean of x, {@code Sxx = Σ(x − x̄)²} and the residual sum of squares.
 */
public record LeastSquares(double intercept, double slope, int points, double meanX, double sxx,
                           double residualSumOfSquares) {

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
        // Residuals from centred values: x near 24,300 (months since year 0) would lose digits otherwise.
        double sse = 0;
        for (int i = 0; i < xs.length; i++) {
            double residual = (ys[i] - meanY) - slope * (xs[i] - meanX);
            sse += residual * residual;
        }
        return new LeastSquares(meanY - slope * meanX, slope, xs.length, meanX, sxx, sse);
    }

    public double valueAt(double x) {
        return intercept + slope * x;
    }

    /** Where the line reaches {@code y}; empty for a flat line. */
    public OptionalDouble xWhere(double y) {
        return slope == 0 ? OptionalDouble.empty() : OptionalDouble.of((y - intercept) / slope);
    }

    /** Whether a residual standard error, hence a prediction interval, exists: at least 3 points. */
    public boolean hasResidualError() {
        return points >= 3;
    }

    /** {@code s = √(SSE / (n − 2))}; needs at least 3 points. */
    public double residualStandardError() {
        if (!hasResidualError()) {
            throw new IllegalStateException("a residual standard error needs at least 3 points, got " + points);
        }
        return Math.sqrt(residualSumOfSquares / (points - 2));
    }

    /**
     * The 95% prediction interval of a new observation at {@code x0}: ŷ(x0) ± t(0.975, n − 2) · s ·
     * √(1 + 1/n + (x0 − x̄)² / Sxx). It covers the line's own uncertainty and the scatter of single values
     * around it, and widens the further x0 lies from the data. Needs at least 3 points.
     */
    public Interval predictionInterval(double x0) {
        double distance = x0 - meanX;
        double standardError = residualStandardError()
                * Math.sqrt(1 + 1.0 / points + distance * distance / sxx);
        return Interval.around(valueAt(x0), StudentT.quantile975(points - 2) * standardError);
    }
}
