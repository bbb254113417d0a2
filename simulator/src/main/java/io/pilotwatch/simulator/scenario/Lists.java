package io.pilotwatch.simulator.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable list copies that, unlike {@link List#copyOf}, keep null elements for the validator to report. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <T> List<T> copyOrEmpty(List<T> list) {
        return list == null ? List.of() : copy(list);
    }
}
