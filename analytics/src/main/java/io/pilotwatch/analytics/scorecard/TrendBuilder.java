package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.kpi.Figures;
import io.pilotwatch.analytics.kpi.FiguresCalculator;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.Scope;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes {@link PlantTrends}: one month's figures per scope and month, from the same calculator as the KPIs. */
final class TrendBuilder {

    private final FiguresCalculator calculator;
    private final int completeMonths;

    TrendBuilder(FiguresCalculator calculator, int completeMonths) {
        this.calculator = calculator;
        this.completeMonths = completeMonths;
    }

    PlantTrends build(Scope plant) {
        Map<String, Map<Kpi, List<MonthValue>>> lines = new TreeMap<>();
        for (String line : plant.lines()) {
            lines.put(line, series(plant.line(line)));
        }
        return new PlantTrends(plant.plant(), series(plant), lines);
    }

    private Map<Kpi, List<MonthValue>> series(Scope scope) {
        YearMonth current = scope.calendar().monthOf(scope.clockMillis());
        Map<YearMonth, Figures> months = new LinkedHashMap<>();
        for (int back = completeMonths; back >= 0; back--) {
            YearMonth month = current.minusMonths(back);
            months.put(month, calculator.month(scope, month));
        }
        Map<Kpi, List<MonthValue>> series = new EnumMap<>(Kpi.class);
        for (Kpi kpi : PlantTrends.KPIS) {
            List<MonthValue> points = new ArrayList<>();
            months.forEach((month, figures) -> points.add(new MonthValue(month, !month.equals(current),
                    figures.value(kpi).orElse(null))));
            series.put(kpi, points);
        }
        return series;
    }
}
