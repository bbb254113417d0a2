package io.pilotwatch.simulator;

import io.pilotwatch.simulator.cli.SimulatorCli;

/** Entry point of {@code simulator.jar}; see {@code --help} and docs/simulator.md. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SimulatorCli.execute(args, System.out, System.err));
    }
}
