package io.pilotwatch.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MilestoneOutcomeTest {

    private static final String CARD = """
            {"plants": [{"plant": "p1", "kpis": [
              {"kpi": "defect_rate", "milestones": [
                {"milestone": "2020", "status": "assessed", "verdict": "met"},
                {"milestone": "2025", "status": "assessed", "verdict": "not_met"},
                {"milestone": "2030", "status": "projected", "verdict": "on_track"}]},
              {"kpi": "cnc_ratio", "milestones": [
                {"milestone": "2020", "status": "assessed", "verdict": "met"},
                {"milestone": "2025", "status": "assessed", "verdict": "inconclusive"},
                {"milestone": "2030", "status": "projected", "verdict": "on_track"}]}]},
              {"plant": "p2", "kpis": [
              {"kpi": "defect_rate", "milestones": [{"milestone": "2020", "status": "assessed", "verdict": "met"}]},
              {"kpi": "cnc_ratio", "milestones": [{"milestone": "2020", "status": "assessed", "verdict": "inconclusive"}]}]}]}
            """;

    @Test
    void aMilestoneIsMetWhenEveryKpiIsMetAndNotMetWhenOneIsNot() throws Exception {
        Map<String, Map<String, MilestoneOutcome>> outcomes = MilestoneOutcome.of(new ObjectMapper().readTree(CARD));

        assertThat(outcomes.get("p1").get("2020").state()).isEqualTo(MilestoneOutcome.State.MET);
        MilestoneOutcome notMet = outcomes.get("p1").get("2025");
        assertThat(notMet.state()).isEqualTo(MilestoneOutcome.State.NOT_MET);
        assertThat(notMet.describe()).isEqualTo("not met (defect_rate)");
        assertThat(outcomes.get("p1").get("2030").state()).isEqualTo(MilestoneOutcome.State.PENDING);
        assertThat(outcomes.get("p2").get("2020").describe()).isEqualTo("inconclusive (cnc_ratio)");
    }
}
