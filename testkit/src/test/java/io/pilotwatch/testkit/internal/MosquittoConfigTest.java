package io.pilotwatch.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MosquittoConfigTest {

    private final String config = MosquittoConfig.render("127.0.0.1", 1883, Path.of("/tmp/mq"),
            Path.of("/tmp/mq/mosquitto.log"), "root");

    @Test
    void listensOnlyOnLoopbackForAnonymousClients() {
        assertThat(config.lines()).contains("listener 1883 127.0.0.1", "allow_anonymous true");
    }

    @Test
    void persistsSessionsWithUnlimitedQueuesInTheDataDir() {
        assertThat(config.lines()).contains(
                "persistence true",
                "persistence_location /tmp/mq/",
                "autosave_interval 1",
                "max_queued_messages 0");
    }

    @Test
    void staysTheCurrentUserSoItCanWriteTheDataDir() {
        assertThat(config.lines()).contains("user root");
    }

    @Test
    void logsToTheLogFile() {
        assertThat(config.lines()).contains("log_dest file /tmp/mq/mosquitto.log", "log_type error");
    }
}
