package io.pilotwatch.testkit;

import io.pilotwatch.testkit.internal.KafkaBrokerProcess;
import io.pilotwatch.testkit.internal.MosquittoBrokerProcess;

/**
 * Starts brokers outside JUnit, e.g. for a benchmark or a local stack. Each call starts a new
 * broker in a fresh temporary directory on free ports; the caller must {@link Broker#close() close}
 * it. Brokers still running when this JVM exits are killed by a shutdown hook, and even if this
 * JVM is killed with SIGKILL its brokers die with it, so none is left behind.
 */
public final class Brokers {

    private Brokers() {
    }

    /**
     * Formats a new KRaft log directory and starts a Kafka broker in a child JVM that uses this
     * JVM's java binary and class path. Blocks until the broker answers admin requests.
     *
     * @throws BrokerUnavailableException if the java binary cannot be found
     * @throws BrokerException if formatting fails, or the broker exits or does not answer within
     *     {@code testkit.startTimeoutSeconds} (default 120); nothing is left running, and the data
     *     directory is kept so that its log can be read
     */
    public static KafkaBroker startKafka() {
        return KafkaBrokerProcess.start();
    }

    /**
     * Starts a Kafka broker that keeps its data: its {@code server.properties}, log dir and log file
     * ({@code kafka.log}) live in {@code dataDir}, which is created and formatted on first use and reused as it
     * is afterwards, so topics and offsets survive. Use {@link Broker#stop()} to end it and keep the data
     * ({@link Broker#close()} deletes the directory). Blocks until the broker answers admin requests.
     *
     * @param port the client port; 0 picks a free one on first use and keeps it afterwards. The controller
     *     port is picked once and kept, since it is part of the formatted single-node quorum.
     * @throws BrokerUnavailableException if the java binary cannot be found
     * @throws BrokerException if formatting fails, or the broker exits or does not answer within
     *     {@code testkit.startTimeoutSeconds} (default 120), e.g. because another broker uses the directory
     */
    public static KafkaBroker startKafka(java.nio.file.Path dataDir, int port) {
        return KafkaBrokerProcess.start(dataDir, port);
    }

    /**
     * Starts a Mosquitto broker with persistence. Blocks until its port accepts connections.
     *
     * @throws BrokerUnavailableException if the mosquitto binary is not found
     * @throws BrokerException if the broker exits or does not listen within
     *     {@code testkit.startTimeoutSeconds} (default 120); nothing is left running, and the data
     *     directory is kept so that its log can be read
     */
    public static MqttBroker startMosquitto() {
        return MosquittoBrokerProcess.start();
    }

    /**
     * Like {@link #startMosquitto()}, with extra lines appended to the generated configuration, e.g.
     * {@code max_inflight_messages 1000} for a benchmark. Later lines win where Mosquitto allows a setting once.
     */
    public static MqttBroker startMosquitto(java.util.List<String> extraConfigLines) {
        return MosquittoBrokerProcess.start(extraConfigLines);
    }
}
