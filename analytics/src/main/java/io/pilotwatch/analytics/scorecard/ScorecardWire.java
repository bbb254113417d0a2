package io.pilotwatch.analytics.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.pilotwatch.analytics.store.Json;
import java.io.IOException;
import java.util.List;

/**
 * The scorecards as one instance sends them to another ({@code /internal/v1/...}): the records themselves as JSON,
 * read back into equal records, so that a page built on any instance is built from the same objects.
 */
public final class ScorecardWire {

    private static final TypeReference<List<PlantScorecard>> CARDS = new TypeReference<>() {
    };

    private ScorecardWire() {
    }

    public static String write(Object value) throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(value);
    }

    public static List<PlantScorecard> readCards(String json) throws IOException {
        return Json.MAPPER.readValue(json, CARDS);
    }

    public static PlantDetail readDetail(String json) throws IOException {
        return Json.MAPPER.readValue(json, PlantDetail.class);
    }
}
