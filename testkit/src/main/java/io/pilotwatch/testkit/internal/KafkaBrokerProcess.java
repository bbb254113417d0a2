package io.pilotwatch.testkit.internal;

import io.pilotwatch.testkit.BrokerException;
import io.pilotwatch.testkit.BrokerUnavailableException;
import io.pilotwatch.testkit.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker in a child JVM started from this JVM's java binary and class path.
 * Under surefire/failsafe the class path may be a manifest-only jar; {@code -cp} honours its
 * {@code Class-Path}, so that works too.
 */
public final class KafkaBrokerProcess extends ChildProcessBroker implements KafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    // The broker's own log at INFO (the services keep Kafka at WARN: LogSettings), for a readable start or failure,
    // without the multi-page config dumps Kafka prints at every start. A system property wins over LOG_LEVELS.
    private static final List<String> LOGGING_OPTIONS = List.of(
            "-DLOG_LEVELS=org.apache.kafka=INFO,org.apache.kafka.common.config.AbstractConfig=WARN");
    // Short-lived tool JVM: C1 only starts faster.
    private static final List<String> TOOL_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final java.util.Optional<Path> SETSID = java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of).filter(Files::isExecutable).findFirst();

    private final Path javaBinary;
    private final Path serverProperties;
    private final String bootstrapServers;
    private final int port;
    /** Whether the broker runs in a session of its own, out of reach of the terminal's Ctrl-C. */
    private boolean ownSession;

    private KafkaBrokerProcess(Path javaBinary, Path dataDir, int port, Duration timeout) {
        super("Kafka broker on port " + port, dataDir, dataDir.resolve("kafka.log"), timeout);
        this.javaBinary = javaBinary;
        this.serverProperties = dataDir.resolve("server.properties");
        this.port = port;
        this.bootstrapServers = Ports.HOST + ":" + port;
    }

    /** See {@link io.pilotwatch.testkit.Brokers#startKafka()}. */
    public static KafkaBrokerProcess start() {
        Path java = javaBinary();
        Duration timeout = Settings.startTimeout();
        Path dataDir = createDataDir();
        int[] ports = Ports.free(2);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(java, dataDir, ports[0], timeout);
        try {
            Files.writeString(broker.serverProperties, KafkaServerConfig.render(
                    KafkaServerConfig.serverProperties(Ports.HOST, ports[0], ports[1], dataDir.resolve("logs"))));
            broker.format();
            broker.launch();
            return broker;
        } catch (IOException e) {
            broker.abandon();
            throw new UncheckedIOException("Cannot write " + broker.serverProperties, e);
        } catch (RuntimeException e) {
            broker.abandon();
            throw e;
        }
    }

    /**
     * See {@link io.pilotwatch.testkit.Brokers#startKafka(Path, int)}: a broker whose configuration, log dir and
     * log file live in {@code dataDir}, formatted on first use and reused afterwards.
     */
    public static KafkaBrokerProcess start(Path dataDir, int port) {
        Path java = javaBinary();
        Duration timeout = Settings.startTimeout();
        Path properties = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            boolean formatted = Files.exists(dataDir.resolve("logs").resolve("meta.properties"));
            // The controller port is part of the formatted quorum: keep the first one, whatever the broker port.
            int controllerPort = formatted ? KafkaServerConfig.controllerPort(Files.readString(properties))
                    : Ports.free(1)[0];
            int brokerPort = port != 0 ? port : formatted
                    ? KafkaServerConfig.brokerPort(Files.readString(properties)) : freeOtherThan(controllerPort);
            KafkaBrokerProcess broker = new KafkaBrokerProcess(java, dataDir, brokerPort, timeout);
            // A long-lived broker (the local stack): its owner stops it in order, after the clients that use it.
            broker.ownSession = true;
            Files.writeString(properties, KafkaServerConfig.render(
                    KafkaServerConfig.serverProperties(Ports.HOST, brokerPort, controllerPort, dataDir.resolve("logs"))));
            try {
                if (!formatted) {
                    broker.format();
                }
                broker.launch();
                return broker;
            } catch (RuntimeException e) {
                broker.abandon();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka data directory " + dataDir, e);
        }
    }

    private static int freeOtherThan(int taken) {
        int[] ports = Ports.free(2);
        return ports[0] != taken ? ports[0] : ports[1];
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>();
        if (ownSession) {
            SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        }
        command.addAll(javaCommand(Settings.kafkaJvmOptions()));
        command.add(KafkaServerMain.class.getName());
        command.add(serverProperties.toString());
        return command;
    }

    @Override
    boolean answers() {
        // The port check is cheap and quiet; an Admin client would log a warning per refused connection.
        return Ports.accepts(port) && clusterAnswers();
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    @Override
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(clientConfig())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all().get(timeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created topic {} with {} partition(s) on {}", name, partitions, bootstrapServers);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new BrokerException("Creating topic " + name + " on " + bootstrapServers + " failed: "
                        + e.getCause().getMessage(), e.getCause());
            }
            LOG.debug("Topic {} exists already on {}", name, bootstrapServers);
        } catch (TimeoutException e) {
            throw new BrokerException("Creating topic " + name + " on " + bootstrapServers
                    + " did not complete within " + timeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("Interrupted while creating topic " + name, e);
        }
    }

    /** Writes the cluster id and metadata into the empty log dir; done once, never on restart. */
    private void format() {
        List<String> command = javaCommand(TOOL_JVM_OPTIONS);
        command.addAll(List.of("kafka.tools.StorageTool", "format",
                "--cluster-id=" + Uuid.randomUuid(), "--config", serverProperties.toString()));
        try {
            Process tool = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile().toFile()))
                    .start();
            ProcessReaper.track(tool);
            if (!tool.waitFor(timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                tool.destroyForcibly().waitFor();
                throw failure("Formatting the Kafka log dir did not finish within " + timeout().toSeconds() + " s");
            }
            if (tool.exitValue() != 0) {
                throw failure("Formatting the Kafka log dir failed with exit code " + tool.exitValue());
            }
        } catch (IOException e) {
            throw new BrokerException("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("Interrupted while formatting the Kafka log dir", e);
        }
    }

    private boolean clusterAnswers() {
        Map<String, Object> config = clientConfig();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get().isEmpty();
        } catch (ExecutionException e) {
            // Not ready yet; the caller retries until its deadline and then reports the log.
            LOG.debug("Kafka on {} does not answer yet: {}", bootstrapServers, e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("Interrupted while waiting for Kafka on " + bootstrapServers, e);
        }
    }

    private List<String> javaCommand(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(jvmOptions);
        command.addAll(LOGGING_OPTIONS);
        command.add("-cp");
        command.add(absoluteClassPath());
        return command;
    }

    /** The broker runs in its data directory: relative class path entries (java -jar x.jar) must not break. */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static Path javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new BrokerUnavailableException("Cannot start Kafka: no java binary at " + java
                    + " (from the java.home of this JVM). Run the tests with a full JDK or JRE.");
        }
        return java;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("testkit-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for Kafka", e);
        }
    }
}
