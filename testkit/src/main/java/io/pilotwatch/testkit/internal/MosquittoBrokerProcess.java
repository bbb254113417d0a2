package io.pilotwatch.testkit.internal;

import io.pilotwatch.testkit.MqttBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A Mosquitto broker as a child process, configured by {@link MosquittoConfig}. */
public final class MosquittoBrokerProcess extends ChildProcessBroker implements MqttBroker {

    private final Path binary;
    private final Path configFile;
    private final int port;

    private MosquittoBrokerProcess(Path binary, Path dataDir, int port, Duration timeout) {
        super("Mosquitto on port " + port, dataDir, dataDir.resolve("mosquitto.log"), timeout);
        this.binary = binary;
        this.configFile = dataDir.resolve("mosquitto.conf");
        this.port = port;
    }

    /** See {@link io.pilotwatch.testkit.Brokers#startMosquitto()}. */
    public static MosquittoBrokerProcess start() {
        return start(java.util.List.of());
    }

    /** See {@link io.pilotwatch.testkit.Brokers#startMosquitto(java.util.List)}. */
    public static MosquittoBrokerProcess start(java.util.List<String> extraConfigLines) {
        Path binary = MosquittoBinary.locate();
        Duration timeout = Settings.startTimeout();
        Path dataDir = createDataDir();
        MosquittoBrokerProcess broker = new MosquittoBrokerProcess(binary, dataDir, Ports.free(1)[0], timeout);
        try {
            Files.writeString(broker.configFile, MosquittoConfig.render(Ports.HOST, broker.port, dataDir,
                    broker.logFile(), System.getProperty("user.name"))
                    + String.join("\n", extraConfigLines) + "\n");
            broker.launch();
            return broker;
        } catch (IOException e) {
            broker.abandon();
            throw new UncheckedIOException("Cannot write " + broker.configFile, e);
        } catch (RuntimeException e) {
            broker.abandon();
            throw e;
        }
    }

    @Override
    List<String> command() {
        return List.of(binary.toString(), "-c", configFile.toString());
    }

    @Override
    boolean answers() {
        return Ports.accepts(port);
    }

    @Override
    public String url() {
        return "tcp://" + host() + ":" + port;
    }

    @Override
    public String host() {
        return Ports.HOST;
    }

    @Override
    public int port() {
        return port;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("testkit-mosquitto-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for Mosquitto", e);
        }
    }
}
