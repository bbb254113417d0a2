package io.pilotwatch.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void startTimeoutDefaultsToOneMinute() {
        assertThat(Settings.parseStartTimeout(null)).isEqualTo(Duration.ofSeconds(120));
        assertThat(Settings.parseStartTimeout(" ")).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void startTimeoutIsReadInSeconds() {
        assertThat(Settings.parseStartTimeout("90")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void badStartTimeoutNamesTheProperty() {
        assertThatThrownBy(() -> Settings.parseStartTimeout("1m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("testkit.startTimeoutSeconds").hasMessageContaining("'1m'");
        assertThatThrownBy(() -> Settings.parseStartTimeout("0"))
                .hasMessageContaining("testkit.startTimeoutSeconds");
    }

    @Test
    void jvmOptionsAreSplitOnWhitespace() {
        assertThat(Settings.splitOptions("  -Xmx1g   -XX:+UseG1GC ")).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(Settings.splitOptions(" ")).isEmpty();
    }
}
