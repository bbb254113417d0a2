package io.pilotwatch.analytics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardCsvTest {

    @Test
    void headerThenOneCrlfRowPerPlantKpiAndMilestoneWithTheDefinitionsVersion() {
        String csv = ScorecardCsv.write(List.of(SampleCards.hostile()));

        assertThat(csv).startsWith(String.join(",", ScorecardCsv.COLUMNS) + "\r\n").endsWith("\r\n");
        assertThat(ScorecardCsv.COLUMNS).endsWith("definitions_version");
        assertThat(csv).endsWith(",kpis/2\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAsRfc4180Says() {
        String csv = ScorecardCsv.write(List.of(SampleCards.hostile()));
        String row = csv.substring(csv.indexOf("\r\n") + 2);

        assertThat(row).startsWith("<script>alert('p')</script>,defect_rate,ratio,CNY,0.2,2,configured,2015,"
                + "\"report, \"\"audited\"\"\r\n<b>2015</b>\",,,0,0,0,,0.05,0.03,0.08,200,0.75,");
        // A configured baseline has no interval, evidence or note; a projected milestone no ratio to baseline.
        assertThat(row).contains(",m<1>,2025-12-31,reduction,0.3,0.14,projected,2025-01-01,2025-03-31,"
                + "0.05,0.03,0.08,200,60,,,,,off_track,trend <misses> the target,0.5,0.16,0.12,0.2,2027-04-16,200,3,1,2,"
                + "2025-03-31T00:00:00Z,kpis/2\r\n");
    }

    @Test
    void aStandardParserReadsHostileFieldsBackUnchanged() {
        List<java.util.Map<String, String>> rows = CsvRows.parse(ScorecardCsv.write(List.of(SampleCards.hostile())));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("plant", SampleCards.PLANT).containsEntry("baseline_source", SampleCards.SOURCE)
                .containsEntry("milestone", SampleCards.MILESTONE).containsEntry("verdict", "off_track")
                .containsEntry("definitions_version", "kpis/2");
    }

    @Test
    void noPlantsIsTheHeaderAlone() {
        assertThat(ScorecardCsv.write(List.of())).isEqualTo(String.join(",", ScorecardCsv.COLUMNS) + "\r\n");
    }

    @Test
    void pathsHaveOneRowPerPlantKpiAndYearWithEachMilestonesThreshold() {
        // SampleCards.hostile(): the defect rate in 2024 (complete) and 2025 (so far), configured baseline 0.2 of
        // 2015, milestone "m<1>" with threshold 0.14.
        List<java.util.Map<String, String>> rows = CsvRows.parse(ScorecardCsv.writePaths(List.of(SampleCards.hostile())));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("plant", SampleCards.PLANT).containsEntry("kpi", "defect_rate")
                .containsEntry("year", "2024").containsEntry("complete", "true").containsEntry("value", "0.12")
                .containsEntry("lower", "0.1").containsEntry("upper", "0.14").containsEntry("sample_size", "5000")
                .containsEntry("days", "300").containsEntry("baseline", "0.2").containsEntry("baseline_period", "2015")
                .containsEntry("threshold_" + SampleCards.MILESTONE, "0.14").containsEntry("definitions_version", "kpis/2");
        assertThat(rows.get(1)).containsEntry("year", "2025").containsEntry("complete", "false")
                .containsEntry("value", "0.05");
    }
}
