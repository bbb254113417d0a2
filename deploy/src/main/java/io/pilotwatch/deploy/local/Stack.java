package io.pilotwatch.deploy.local;

import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's lifecycle: Kafka, then the bridge and the analytics service, then the simulator; and on stop
 * (Ctrl-C, {@code --duration}, or a service that died) the reverse, each given time to finish cleanly: the
 * simulator switches its stations off and drains, the bridge waits for Kafka's acknowledgements, the analytics
 * service commits, Kafka flushes.
 */
final class Stack {

    private static final Logger LOG = LoggerFactory.getLogger(Stack.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(60);

    private final StackOptions options;
    private final PrintStream out;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private final List<ChildJvm> services = new ArrayList<>();
    private KafkaBroker kafka;
    private SimulatorDriver simulator;
    private Thread simulatorThread;
    private Thread watcherThread;

    Stack(StackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Asks {@link #run()} to stop everything and return; safe from any thread, e.g. a signal handler. */
    void requestStop() {
        stopRequested.countDown();
    }

    /** Starts everything, waits for the stop, stops everything. Returns the exit code. */
    int run() throws IOException, InterruptedException {
        for (String module : List.of("ingest", "analytics", "simulator")) {
            if (!Files.isRegularFile(options.jar(module))) {
                throw new IllegalStateException(options.jar(module) + " is missing: build first with "
                        + "./mvnw -DskipTests package (./pilotwatch does it for you)");
            }
        }
        try (DataDir data = DataDir.open(options.dataDir(), options.reset())) {
            Files.createDirectories(data.simulator());
            Files.createDirectories(data.logs());
            try {
                return startAndWait(data);
            } finally {
                stopAll();
            }
        }
    }

    private int startAndWait(DataDir data) throws IOException, InterruptedException {
        PortCheck.free(options);
        String bootstrap;
        if (options.kafka().isPresent()) {
            bootstrap = options.kafka().get();
        } else {
            say("starting Kafka (single-node KRaft) in " + data.kafka());
            kafka = Brokers.startKafka(data.kafka(), options.kafkaPort());
            bootstrap = kafka.bootstrapServers();
        }
        if (stopRequested.getCount() == 0) {
            return 130;
        }
        Topics.ensure(bootstrap);

        Optional<DeviceCredentials> credentials = Optional.empty();
        if (options.listen() && !options.loopbackOnly()) {
            credentials = Optional.of(DeviceCredentials.loadOrCreate(data.credentials(), options.jar("ingest")));
        }
        String mqtt = options.mqttUrl().orElse("tcp://" + options.mqttHost() + ":" + options.mqttPort());
        say("starting the ingest bridge (" + (options.listen() ? "listen" : "subscribe") + " mode) and the analytics service");
        ChildJvm ingest = ChildJvm.start("ingest", List.of("-Xmx256m"), options.jar("ingest"), List.of(),
                ingestEnvironment(bootstrap, credentials), data.log("ingest"));
        services.add(ingest);
        ChildJvm analytics = ChildJvm.start("analytics", List.of("-Xmx1g"), options.jar("analytics"), List.of(),
                analyticsEnvironment(bootstrap, data), data.log("analytics"));
        services.add(analytics);
        Readiness.await(ingest, options.ingestPort(), READY_TIMEOUT, stopRequested);
        // The simulator needs only the bridge: the analytics service reads the topic from its start when it is ready.
        if (options.simulator() && stopRequested.getCount() > 0) {
            startSimulator(data, credentials, mqtt);
        }
        Readiness.await(analytics, options.analyticsPort(), READY_TIMEOUT, stopRequested);
        if (stopRequested.getCount() == 0) {
            return 130;
        }
        Banner.print(out, options, mqtt, bootstrap, kafka != null, credentials, data.logs(),
                data.kafka().resolve("kafka.log"));
        watcherThread = new Thread(new ScorecardWatcher(URI.create("http://127.0.0.1:" + options.analyticsPort()
                + "/api/v1/scorecard"), out, startNanos), "scorecard-watcher");
        watcherThread.setDaemon(true);
        watcherThread.start();
        return awaitStop();
    }

    private void startSimulator(DataDir data, Optional<DeviceCredentials> credentials, String mqtt) {
        Map<String, String> auth = new HashMap<>();
        credentials.ifPresent(c -> {
            auth.put("MQTT_USERNAME", c.username());
            auth.put("MQTT_PASSWORD", c.password());
        });
        options.mqttUsername().ifPresent(u -> auth.put("MQTT_USERNAME", u));
        options.mqttPassword().ifPresent(p -> auth.put("MQTT_PASSWORD", p));
        // The simulator reaches the listener on loopback even when it is bound to all interfaces.
        String url = options.listen() ? "tcp://127.0.0.1:" + options.mqttPort() : mqtt;
        simulator = new SimulatorDriver(options.jar("simulator"), url, auth, data, out, startNanos);
        simulatorThread = new Thread(simulator, "simulator-driver");
        simulatorThread.start();
    }

    /** Until Ctrl-C, the end of {@code --duration}, or a service that died. */
    private int awaitStop() throws InterruptedException {
        long deadline = options.duration().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        while (!stopRequested.await(1, TimeUnit.SECONDS)) {
            for (ChildJvm service : services) {
                if (!service.isAlive()) {
                    say(service.name() + " exited unexpectedly; see " + service.log() + ". Stopping.");
                    return 1;
                }
            }
            if (kafka != null && !kafka.isRunning()) {
                say("Kafka exited unexpectedly; see " + kafka.logFile() + ". Stopping.");
                return 1;
            }
            if (simulator != null && simulator.failed()) {
                say("the simulator failed; see its log. Stopping.");
                return 1;
            }
            if (System.nanoTime() - deadline > 0) {
                say("--duration reached");
                return 0;
            }
        }
        return 130;
    }

    private void stopAll() throws InterruptedException {
        say("stopping: simulator, ingest, analytics, Kafka");
        if (watcherThread != null) {
            watcherThread.interrupt();
        }
        if (simulator != null) {
            simulator.stop();
            simulatorThread.join(Duration.ofMinutes(2).toMillis());
        }
        // The bridge before the analytics service: it hands Kafka what it still holds; Kafka goes last.
        for (int i = 0; i < services.size(); i++) {
            services.get(i).stop(SERVICE_STOP_GRACE);
        }
        if (kafka != null) {
            try {
                kafka.stop();
            } catch (RuntimeException e) {
                LOG.error("Kafka did not stop cleanly", e);
            }
        }
        say("stopped");
    }

    private Map<String, String> ingestEnvironment(String bootstrap, Optional<DeviceCredentials> credentials) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("INGEST_BRIDGE_ID", "local");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", Integer.toString(options.ingestPort()));
        if (options.listen()) {
            env.put("INGEST_MODE", "listen");
            env.put("INGEST_LISTEN_HOST", options.mqttHost());
            env.put("INGEST_LISTEN_PORT", Integer.toString(options.mqttPort()));
            if (credentials.isPresent()) {
                env.put("INGEST_LISTEN_CREDENTIALS_FILE", credentials.get().credentialsFile().toString());
            } else {
                env.put("INGEST_LISTEN_ANONYMOUS", "true");
            }
        } else {
            env.put("INGEST_MODE", "subscribe");
            env.put("MQTT_URL", options.mqttUrl().orElseThrow());
            options.mqttUsername().ifPresent(u -> env.put("MQTT_USERNAME", u));
            options.mqttPassword().ifPresent(p -> env.put("MQTT_PASSWORD", p));
        }
        return env;
    }

    private Map<String, String> analyticsEnvironment(String bootstrap, DataDir data) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", Integer.toString(options.analyticsPort()));
        env.put("ANALYTICS_STATE_DIR", data.analyticsState().toString());
        return env;
    }

    private void say(String line) {
        long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        out.printf("[%3d s] %s%n", seconds, line);
        out.flush();
    }
}
