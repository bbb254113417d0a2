package io.pilotwatch.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

    @Test
    void durationsAreSecondsMinutesHoursDaysOrIso() {
        assertThat(LocalStack.parseDuration("150s")).isEqualTo(Duration.ofSeconds(150));
        assertThat(LocalStack.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(LocalStack.parseDuration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> LocalStack.parseDuration("10 minutes"))
                .hasMessage("--duration must be like 90s, 10m, 2h, 1d or PT1H30M, got '10 minutes'");
    }

    @Test
    void badOptionsNameTheOption() {
        assertThatThrownBy(() -> options(Optional.of("localhost:1883"), Optional.empty(), 1883))
                .hasMessageContaining("--mqtt-url must be tcp://host:port or ssl://host:port");
        assertThatThrownBy(() -> options(Optional.empty(), Optional.of("user"), 1883))
                .hasMessageContaining("--mqtt-username and --mqtt-password apply to an external broker");
        assertThatThrownBy(() -> options(Optional.empty(), Optional.empty(), 70000))
                .hasMessage("--mqtt-port must be from 0 to 65535, got 70000");
    }

    @Test
    void anonymousDevicesOnlyWhenTheListenerIsLoopback() {
        assertThat(withHost("127.0.0.1").loopbackOnly()).isTrue();
        assertThat(withHost("localhost").loopbackOnly()).isTrue();
        assertThat(withHost("0.0.0.0").loopbackOnly()).isFalse();
    }

    private static StackOptions options(Optional<String> url, Optional<String> user, int mqttPort) {
        return new StackOptions(Path.of("."), Path.of("d"), false, Optional.empty(), "127.0.0.1", mqttPort, url,
                user, Optional.empty(), Optional.empty(), 9092, 8080, 8081, true);
    }

    private static StackOptions withHost(String host) {
        return new StackOptions(Path.of("."), Path.of("d"), false, Optional.empty(), host, 1883, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 9092, 8080, 8081, true);
    }
}
