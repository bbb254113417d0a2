package io.pilotwatch.simulator.scenario;

import java.util.List;

/**
 * A scenario that cannot be used. The message names the file, and for each problem the field path
 * (e.g. {@code plants[1].lines[0].stations[2].idealCycleSeconds}) and what was expected.
 */
public final class ScenarioException extends RuntimeException {

    private final transient List<Problem> problems;

    public ScenarioException(String source, List<Problem> problems) {
        super(format(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems found, in file order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String format(String source, List<Problem> problems) {
        StringBuilder text = new StringBuilder("invalid scenario ").append(source).append(':');
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }

    /**
     * One problem.
     *
     * @param path        the field path, {@code ""} for the whole document
     * @param expectation what was expected and what was found
     */
    public record Problem(String path, String expectation) {
        @Override
        public String toString() {
            return path.isEmpty() ? expectation : path + ": " + expectation;
        }
    }
}
