package io.pilotwatch.deploy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code ./pilotwatch local}: the whole pipeline on one machine, on embedded defaults. See docs/local-stack.md.
 */
@Command(name = "pilotwatch local", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        version = "PilotWatch local stack 0.1.0",
        description = "Runs Kafka (single-node KRaft), the ingest bridge as the MQTT endpoint, the analytics service "
                + "and the simulator's three pilot plants on this machine, and prints where to look.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped after --duration", "1:a service failed", "2:bad arguments",
                "130:stopped with Ctrl-C"})
public final class LocalStack implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".pilotwatch-data",
            description = "Kafka's data, the analytics state, ground truth, credentials and logs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--reset", description = "Delete the data directory first: start from an empty Kafka and publish the history again.")
    boolean reset;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop cleanly after this long, e.g. 150s, 10m, PT1H (default: until Ctrl-C).")
    String duration;

    @Option(names = "--mqtt-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Where the bridge listens for devices (default: ${DEFAULT-VALUE}: this machine only, anonymous "
                    + "devices accepted). Any other address makes the launcher generate a device password.")
    String mqttHost;

    @Option(names = "--mqtt-port", paramLabel = "PORT", defaultValue = "1883",
            description = "The bridge's MQTT port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int mqttPort;

    @Option(names = "--mqtt-url", paramLabel = "URL",
            description = "Use this MQTT broker (tcp://host:port or ssl://host:port) instead: the bridge subscribes to "
                    + "it and the simulator publishes to it.")
    String mqttUrl;

    @Option(names = "--mqtt-username", paramLabel = "USER", defaultValue = "${env:MQTT_USERNAME}",
            description = "User for --mqtt-url (default: $MQTT_USERNAME).")
    String mqttUsername;

    @Option(names = "--mqtt-password", paramLabel = "PASSWORD", defaultValue = "${env:MQTT_PASSWORD}",
            description = "Password for --mqtt-url (default: $MQTT_PASSWORD; prefer the variable, flags show in ps).")
    String mqttPassword;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster's bootstrap servers instead of the embedded broker.")
    String kafka;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "The embedded broker's port; 0 picks a free one once and keeps it (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--ingest-port", paramLabel = "PORT", defaultValue = "8080",
            description = "The bridge's HTTP port (metrics, health); 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int ingestPort;

    @Option(names = "--analytics-port", paramLabel = "PORT", defaultValue = "8081",
            description = "The analytics HTTP port (metrics, health, scorecard); 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int analyticsPort;

    @Option(names = "--no-simulator", negatable = false,
            description = "Do not run the simulator (only real devices publish).")
    boolean noSimulator;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = ".", hidden = true,
            description = "The repository root, where the built jars are.")
    Path home;

    private Stack stack;

    public static void main(String[] args) {
        // The terminal shows the launcher's own lines; the libraries' logs go there only when something is wrong.
        // LOG_LEVEL in the environment still wins: the property is only a default (set before the first logger).
        if (System.getenv("LOG_LEVEL") == null && System.getProperty("LOG_LEVEL") == null) {
            System.setProperty("LOG_LEVEL", "WARN");
        }
        // Kafka formats and starts more slowly on a laptop that is building at the same time.
        System.setProperty("testkit.startTimeoutSeconds", System.getProperty("testkit.startTimeoutSeconds", "180"));
        LocalStack command = new LocalStack();
        // Ctrl-C and SIGTERM stop the services in order, instead of a JVM shutdown in which every hook runs at once.
        Signal.handle(new Signal("INT"), signal -> command.requestStop());
        Signal.handle(new Signal("TERM"), signal -> command.requestStop());
        System.exit(new CommandLine(command)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("error: " + e.getMessage());
                    return 1;
                })
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackOptions options;
        try {
            options = PortCheck.resolve(new StackOptions(home, dataDir, reset, Optional.ofNullable(duration)
                    .map(LocalStack::parseDuration), mqttHost, mqttPort, Optional.ofNullable(mqttUrl),
                    blankToEmpty(mqttUsername), blankToEmpty(mqttPassword), Optional.ofNullable(kafka), kafkaPort,
                    ingestPort, analyticsPort, !noSimulator));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        synchronized (this) {
            stack = new Stack(options, System.out);
        }
        return stack.run();
    }

    private synchronized void requestStop() {
        if (stack != null) {
            stack.requestStop();
        } else {
            System.exit(130);
        }
    }

    static Duration parseDuration(String text) {
        String value = text.trim();
        try {
            if (value.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
                return Duration.parse(value);
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException();
            };
        } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--duration must be like 90s, 10m, 2h, 1d or PT1H30M, got '" + text + "'");
        }
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
