package io.pilotwatch.analytics.verdict;

/**
 * A verdict with the reason for it, in a few words an evaluator can read ("interval straddles the target",
 * "12 units, fewer than the minimum 30").
 */
public record Assessment(Verdict verdict, String reason) {
}
