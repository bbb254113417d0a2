package io.pilotwatch.analytics.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.store.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The programme as JSON ({@code /api/v1/programme}), with the definitions version at the top. */
public final class ProgrammeJson {

    private ProgrammeJson() {
    }

    public static String write(Programme programme, Instant generatedAt) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generatedAt", generatedAt.toString());
        body.put("definitionsVersion", PlantScorecard.DEFINITIONS_VERSION);
        body.put("groups", programme.groups());
        return Json.MAPPER.writeValueAsString(body);
    }
}
