package io.pilotwatch.analytics.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pilotwatch.analytics.store.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard as JSON ({@code /api/v1/scorecard}) and one plant with its trends
 * ({@code /api/v1/scorecard/plants/{plant}}). Both name the definitions version at the top, and every plant
 * again, so that a saved file says what was measured.
 */
public final class ScorecardJson {

    private ScorecardJson() {
    }

    public static String write(List<PlantScorecard> cards, Instant generatedAt) throws JsonProcessingException {
        Map<String, Object> body = header(generatedAt);
        body.put("plants", cards);
        return Json.MAPPER.writeValueAsString(body);
    }

    public static String write(PlantDetail detail, Instant generatedAt) throws JsonProcessingException {
        Map<String, Object> body = header(generatedAt);
        body.put("plant", detail.card());
        body.put("trends", detail.trends());
        return Json.MAPPER.writeValueAsString(body);
    }

    private static Map<String, Object> header(Instant generatedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generatedAt", generatedAt.toString());
        body.put("definitionsVersion", PlantScorecard.DEFINITIONS_VERSION);
        return body;
    }
}
