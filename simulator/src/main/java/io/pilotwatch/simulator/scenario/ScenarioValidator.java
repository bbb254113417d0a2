package io.pilotwatch.simulator.scenario;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a parsed scenario: required fields, ranges, ids, unique ids, and the plant-level rules.
 * Lines are checked by {@link LineValidator}. Reports every problem found, not just the first.
 */
final class ScenarioValidator {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Checks checks = new Checks();

    List<ScenarioException.Problem> validate(Scenario scenario) {
        Optional<LocalDate> from = day(scenario.from(), "from");
        Optional<LocalDate> until = day(scenario.until(), "until");
        if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
            checks.fail("until", "expected a date after from (" + scenario.from() + "; until is exclusive), got "
                    + scenario.until());
        }
        if (scenario.plants() == null || scenario.plants().isEmpty()) {
            checks.fail("plants", "required: expected a list of at least one plant");
            return checks.problems();
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < scenario.plants().size(); i++) {
            PlantSpec plant = scenario.plants().get(i);
            String path = "plants[" + i + "]";
            if (checks.present(plant, path, "a plant (a mapping with id and lines)")) {
                plant(plant, path);
                unique(ids, plant.id(), path + ".id", "plant");
            }
        }
        return checks.problems();
    }

    private void plant(PlantSpec plant, String path) {
        checks.id(plant.id(), path + ".id");
        checks.text(plant.name(), path + ".name", 200);
        try {
            ZoneId.of(plant.timezone());
        } catch (DateTimeException e) {
            checks.fail(path + ".timezone", "expected an IANA time zone such as Asia/Shanghai, got '"
                    + plant.timezone() + "'");
        }
        if (!CURRENCY.matcher(plant.currency()).matches()) {
            checks.fail(path + ".currency", "expected an ISO 4217 code of three capital letters such as CNY, got '"
                    + plant.currency() + "'");
        }
        if (plant.lines() == null || plant.lines().isEmpty()) {
            checks.fail(path + ".lines", "required: expected a list of at least one line");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < plant.lines().size(); i++) {
            LineSpec line = plant.lines().get(i);
            String linePath = path + ".lines[" + i + "]";
            if (checks.present(line, linePath, "a line (a mapping with id, ratePerHour, stations and baseline)")) {
                new LineValidator(checks).validate(line, linePath);
                unique(ids, line.id(), linePath + ".id", "line of this plant");
            }
        }
    }

    private Optional<LocalDate> day(String value, String path) {
        if (!checks.present(value, path, "a date YYYY-MM-DD")) {
            return Optional.empty();
        }
        Optional<LocalDate> day = ScenarioDates.parseStrictDay(value);
        if (day.isEmpty()) {
            checks.fail(path, "expected a date YYYY-MM-DD, got '" + value + "'");
        }
        return day;
    }

    private void unique(Set<String> seen, String id, String path, String what) {
        if (id != null && !seen.add(id)) {
            checks.fail(path, "expected a unique id, but another " + what + " already has id '" + id + "'");
        }
    }
}
