package io.pilotwatch.testkit.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code server.properties} of a single-node KRaft broker tuned to start fast. */
final class KafkaServerConfig {

    private KafkaServerConfig() {
    }

    static Map<String, String> serverProperties(String host, int port, int controllerPort, Path logDir) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        config.put("num.partitions", "1");
        config.put("auto.create.topics.enable", "true");
        // One node: every internal topic must accept a replication factor and min ISR of 1.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions (default 50) make the first consumer group and transaction fast.
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.num.partitions", "1");
        // After a SIGKILL the restarted broker cannot register until the controller expires the
        // old incarnation's session (default 9 s). Shorter, with heartbeats well inside it.
        config.put("broker.heartbeat.interval.ms", "500");
        config.put("broker.session.timeout.ms", "3000");
        // Tests should not wait 3 s for more group members that never come.
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("group.streams.initial.rebalance.delay.ms", "0");
        return config;
    }

    /** The controller port of a {@code server.properties} written by {@link #render}. */
    static int controllerPort(String properties) {
        return portOf(properties, "CONTROLLER://");
    }

    /** The client (PLAINTEXT) port of a {@code server.properties} written by {@link #render}. */
    static int brokerPort(String properties) {
        return portOf(properties, "PLAINTEXT://");
    }

    private static int portOf(String properties, String listenerPrefix) {
        for (String line : properties.split("\n")) {
            if (line.startsWith("listeners=")) {
                for (String listener : line.substring("listeners=".length()).split(",")) {
                    if (listener.startsWith(listenerPrefix)) {
                        return Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1).trim());
                    }
                }
            }
        }
        throw new IllegalArgumentException("no " + listenerPrefix + " listener in server.properties");
    }

    /** Renders the properties as {@code key=value} lines, in insertion order for a readable file. */
    static String render(Map<String, String> config) {
        return config.entrySet().stream()
                // Backslash is the only character in our values that the properties format escapes.
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
