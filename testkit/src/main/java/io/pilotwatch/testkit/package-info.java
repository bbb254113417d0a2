/**
 * Real brokers for integration tests: a single-node KRaft Kafka broker in a child JVM and a
 * Mosquitto broker as a child process, each on free local ports, with fault controls
 * (stop, kill, freeze, thaw, restart).
 *
 * <p>In JUnit tests, annotate the class with {@link io.pilotwatch.testkit.RealBrokers} and declare a
 * {@link io.pilotwatch.testkit.KafkaBroker} or {@link io.pilotwatch.testkit.MqttBroker} parameter.
 * Outside JUnit, use {@link io.pilotwatch.testkit.Brokers} and close what it returns.
 * {@link io.pilotwatch.testkit.Brokers#startKafka(java.nio.file.Path, int)} starts a broker that keeps its
 * data in a given directory across restarts; the local stack ({@code ./pilotwatch local}) runs its Kafka so.
 *
 * <p>System properties: {@code testkit.require} ({@code true}: a missing broker fails instead of
 * skipping), {@code testkit.startTimeoutSeconds} (default 120), {@code testkit.kafka.jvmOpts}
 * (space separated, replaces the Kafka JVM's memory and GC options), {@code testkit.mosquitto}
 * (path of the mosquitto binary; the environment variable {@code MOSQUITTO_BIN} works too).
 *
 * <p>Linux and macOS only: freezing uses {@code kill -STOP}.
 */
package io.pilotwatch.testkit;
