package io.pilotwatch.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link StationId#isValidId} says exactly what {@link StationId#ID_PATTERN} says. */
class StationIdTest {

    private static final String ALPHABET = "az09_-AZ/.+# é杭\u0000";

    @Test
    void isValidIdAgreesWithThePatternOnGeneratedIds() {
        Random random = new Random(5);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(10) == 0 ? 60 + random.nextInt(8) : random.nextInt(8);
            for (int i = 0; i < length; i++) {
                id.append(random.nextInt(4) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        : (char) ('a' + random.nextInt(26)));
            }
            String text = id.toString();
            assertThat(StationId.isValidId(text)).as("'%s'", text).isEqualTo(StationId.ID_PATTERN.matcher(text).matches());
        }
        assertThat(StationId.isValidId(null)).isFalse();
    }
}
