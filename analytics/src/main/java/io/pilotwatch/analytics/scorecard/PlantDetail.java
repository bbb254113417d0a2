package io.pilotwatch.analytics.scorecard;

/** A plant's scorecard with the monthly values behind its trend charts: what the plant page shows. */
public record PlantDetail(PlantScorecard card, PlantTrends trends) {
}
