package io.pilotwatch.ingest;

import io.pilotwatch.ingest.config.IngestKeys;
import io.pilotwatch.ingest.mqtt.Credentials;
import io.pilotwatch.support.cli.ServiceCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The command line of {@code ingest.jar}: an optional configuration file, {@code --help}, {@code --version}. */
@Command(name = "java -jar ingest.jar", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The PilotWatch ingest bridge: MQTT to Kafka, acknowledging a message only after Kafka has it. "
                + "Exits 1 if the configuration is bad or the bridge cannot start.",
        subcommands = IngestCommand.HashPassword.class)
public final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CONFIG_FILE",
            description = "A properties file with the keys below; environment variables override it. Optional.")
    Path configFile;

    private final ToIntFunction<Path> start;

    private IngestCommand(ToIntFunction<Path> start) {
        this.start = start;
    }

    /** The command line; running it without --help, --version or a subcommand calls {@code start} with the file. */
    public static CommandLine commandLine(ToIntFunction<Path> start) {
        return ServiceCli.commandLine(new IngestCommand(start), "PilotWatch ingest bridge", IngestKeys.ALL);
    }

    @Override
    public Integer call() {
        return start.applyAsInt(configFile);
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Reads a password from standard input and prints its hash for the listen mode's credentials "
                    + "file (ingest.listen.credentials.file).")
    static final class HashPassword implements Callable<Integer> {

        @Override
        public Integer call() throws IOException {
            String password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
            System.out.println(Credentials.hash(password.getBytes(StandardCharsets.UTF_8)));
            return 0;
        }
    }
}
