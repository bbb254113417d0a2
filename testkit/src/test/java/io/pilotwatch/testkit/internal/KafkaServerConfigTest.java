package io.pilotwatch.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerConfigTest {

    private final Properties properties = parse(KafkaServerConfig.render(
            KafkaServerConfig.serverProperties("127.0.0.1", 9092, 9093, Path.of("/tmp/kafka/logs"))));

    @Test
    void combinesBrokerAndControllerOnTwoLocalPorts() {
        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("log.dirs", "/tmp/kafka/logs");
    }

    @Test
    void portsAreReadBackFromTheRenderedFile() {
        String rendered = KafkaServerConfig.render(
                KafkaServerConfig.serverProperties("127.0.0.1", 40123, 40124, Path.of("/tmp/kafka/logs")));
        assertThat(KafkaServerConfig.brokerPort(rendered)).isEqualTo(40123);
        assertThat(KafkaServerConfig.controllerPort(rendered)).isEqualTo(40124);
    }

    @Test
    void internalTopicsFitOneNode() {
        assertThat(properties)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void rendersAFileThatJavaPropertiesReadsBack() {
        assertThat(parse(KafkaServerConfig.render(Map.of("log.dirs", "C:\\kafka\\logs"))))
                .containsEntry("log.dirs", "C:\\kafka\\logs");
    }

    private static Properties parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties;
    }
}
