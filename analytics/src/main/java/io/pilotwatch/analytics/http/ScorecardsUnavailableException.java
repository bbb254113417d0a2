package io.pilotwatch.analytics.http;

/**
 * The whole application's scorecard cannot be given now: a rebalance is moving plants between instances, or an
 * instance that holds some is unreachable. Answered with 503 and a retry hint rather than a partial scorecard.
 */
public final class ScorecardsUnavailableException extends RuntimeException {

    public ScorecardsUnavailableException(String message) {
        super(message);
    }
}
