package io.pilotwatch.analytics;

import io.pilotwatch.analytics.config.AnalyticsKeys;
import io.pilotwatch.support.cli.ServiceCli;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The command line of {@code analytics.jar}: an optional configuration file, {@code --help}, {@code --version}. */
@Command(name = "java -jar analytics.jar", mixinStandardHelpOptions = true,
        description = "The PilotWatch analytics service: KPIs, baselines, Box 2 targets and verdicts on Kafka Streams, "
                + "with the scorecard over HTTP. Exits 1 if the configuration, the targets or the baselines file is "
                + "bad, or the service cannot start.")
public final class AnalyticsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CONFIG_FILE",
            description = "A properties file with the keys below; environment variables override it. Optional.")
    Path configFile;

    private final ToIntFunction<Path> start;

    private AnalyticsCommand(ToIntFunction<Path> start) {
        this.start = start;
    }

    /** The command line; running it without --help or --version calls {@code start} with the file. */
    public static CommandLine commandLine(ToIntFunction<Path> start) {
        return ServiceCli.commandLine(new AnalyticsCommand(start), "PilotWatch analytics", AnalyticsKeys.ALL);
    }

    @Override
    public Integer call() {
        return start.applyAsInt(configFile);
    }
}
