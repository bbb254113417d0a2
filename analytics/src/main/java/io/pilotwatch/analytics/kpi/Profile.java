package io.pilotwatch.analytics.kpi;

/**
 * A station's profile from {@code tsMillis} on.
 *
 * @param idealCycleSeconds 0 when the profile gives none
 */
public record Profile(long tsMillis, boolean keyProcess, boolean cnc, double idealCycleSeconds) {
}
