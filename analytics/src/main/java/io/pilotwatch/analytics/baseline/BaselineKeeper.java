package io.pilotwatch.analytics.baseline;

import io.pilotwatch.analytics.kpi.Coverage;
import io.pilotwatch.analytics.kpi.Figures;
import io.pilotwatch.analytics.kpi.FiguresCalculator;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.kpi.PlantCalendar;
import io.pilotwatch.analytics.kpi.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freezes baselines, once, and keeps them: a configured value as soon as its plant is seen; a learned one
 * when its learning period's last month has closed (nothing can change it any more). A frozen baseline is
 * replaced only by a higher version from the baselines file (an explicit re-baseline), never re-learned
 * silently; one already published on the baselines topic is adopted, not learned again (a new state dir
 * or application id must not move the reference).
 */
public final class BaselineKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineKeeper.class);

    private final BaselinePlan plan;
    private final Map<String, Baseline> published;
    private final KeyValueStore<String, Baseline> store;
    private final FiguresCalculator calculator;
    private final BaselineEvidence evidence;

    public BaselineKeeper(BaselinePlan plan, Map<String, Baseline> published, KeyValueStore<String, Baseline> store,
                          FiguresCalculator calculator, BaselineEvidence evidence) {
        this.plan = plan;
        this.published = published;
        this.store = store;
        this.calculator = calculator;
        this.evidence = evidence;
    }

    /**
     * Freezes what is due for {@code scope}'s plant and returns the baselines newly frozen (to publish).
     *
     * @param openFromMillis the start of the plant's oldest open month
     */
    public List<Baseline> freezeDue(Scope scope, long openFromMillis) {
        String plant = scope.plant();
        PlantBaselines definition = plan.forPlant(plant);
        List<Baseline> frozen = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            if (!kpi.targeted()) {
                continue;
            }
            String key = Baseline.key(plant, kpi);
            Baseline expected = definition.expected(plant, kpi);
            Baseline stored = store.get(key);
            if (stored != null && stored.version() >= expected.version()) {
                continue;
            }
            Baseline adopted = published.get(key);
            if (stored == null && adopted != null && adopted.version() == expected.version()
                    && adopted.sameDefinition(expected)) {
                store.put(key, adopted);
                continue;
            }
            Optional<Baseline> fresh = freeze(scope, expected, openFromMillis);
            if (fresh.isPresent()) {
                store.put(key, fresh.get());
                frozen.add(fresh.get());
                LOG.info("Froze baseline {} of plant {} at version {}: {} ({})", kpi.wireName(), plant,
                        fresh.get().version(), fresh.get().hasValue() ? fresh.get().value() : "none, "
                                + fresh.get().missingReason(), fresh.get().describeDefinition());
            }
        }
        return frozen;
    }

    private Optional<Baseline> freeze(Scope scope, Baseline expected, long openFromMillis) {
        long clock = scope.clockMillis();
        if (Baseline.CONFIGURED.equals(expected.method())) {
            return Optional.of(withValue(expected, expected.value(), null, null, 0, clock, Optional.empty(), null));
        }
        PlantCalendar calendar = scope.calendar();
        if (openFromMillis < calendar.startOf(expected.learnTo().plusDays(1))) {
            return Optional.empty();
        }
        Figures figures = calculator.days(scope, expected.learnFrom(), expected.learnTo());
        Optional<KpiValue> value = figures.value(expected.kpi());
        Coverage coverage = figures.coverage(expected.kpi());
        Optional<String> lacking = evidence.lacking(expected.kpi(), value, coverage);
        if (lacking.isPresent()) {
            // Frozen without a value: the verdicts say why ("no baseline (too little data: ...)").
            return Optional.of(withValue(expected, null, null, null, value.map(KpiValue::sampleSize).orElse(0L),
                    clock, Optional.of(coverage), lacking.get()));
        }
        KpiValue v = value.get();
        return Optional.of(withValue(expected, v.value(), v.lower(), v.upper(), v.sampleSize(), clock,
                Optional.of(coverage), null));
    }

    private static Baseline withValue(Baseline b, Double value, Double lower, Double upper, long sample, long clock,
                                      Optional<Coverage> coverage, String note) {
        return new Baseline(b.plant(), b.kpi(), value, lower, upper, sample, b.method(), b.period(), b.source(),
                b.version(), b.learnFrom(), b.learnTo(), clock, coverage.map(Coverage::days).orElse(0),
                coverage.map(Coverage::months).orElse(0), note);
    }
}
