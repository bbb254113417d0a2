package io.pilotwatch.analytics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.VerdictMonths;
import io.pilotwatch.analytics.topology.TopologyHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one instance sends another must come back as equal records: otherwise a page built on an instance that
 * does not hold the plant would differ from the owner's.
 */
class ScorecardWireTest {

    @Test
    void scorecardsOfEveryVerdictComeBackEqual(@TempDir Path dir) throws Exception {
        try (TopologyHarness harness = new TopologyHarness(dir.resolve("state"), VerdictMonths.settings(dir))) {
            new VerdictMonths().records().forEach(record -> harness.send(record.getKey(), record.getValue()));
            PlantScorecard card = harness.scorecard(VerdictMonths.PLANT);
            assertThat(card.kpis()).isNotEmpty();

            assertThat(ScorecardWire.readCards(ScorecardWire.write(List.of(card)))).containsExactly(card);
        }
    }

    @Test
    void hostileTextAndPlantDetailsComeBackEqual() throws Exception {
        PlantDetail detail = SampleCards.hostileDetail();

        assertThat(ScorecardWire.readDetail(ScorecardWire.write(detail))).isEqualTo(detail);
        assertThat(ScorecardWire.readCards(ScorecardWire.write(List.of(detail.card())))).containsExactly(detail.card());
    }
}
