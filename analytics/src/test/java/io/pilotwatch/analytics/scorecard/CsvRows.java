package io.pilotwatch.analytics.scorecard;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Reads an exported scorecard CSV back with a standard parser: one map per row, by column name. */
public final class CsvRows {

    private CsvRows() {
    }

    public static List<Map<String, String>> parse(String csv) {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("not a CSV file with a header", e);
        }
    }

    /** The row of one KPI and milestone of a plant. */
    public static Map<String, String> row(List<Map<String, String>> rows, String plant, String kpi, String milestone) {
        return rows.stream().filter(r -> r.get("plant").equals(plant) && r.get("kpi").equals(kpi)
                && r.get("milestone").equals(milestone)).findFirst()
                .orElseThrow(() -> new AssertionError("no CSV row for " + plant + " " + kpi + " " + milestone));
    }
}
