package io.pilotwatch.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.testkit.BrokerUnavailableException;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MosquittoBinaryTest {

    private static Predicate<Path> executables(String... paths) {
        return Stream.of(paths).map(Path::of).collect(Collectors.toSet())::contains;
    }

    @Test
    void propertyWinsOverEverythingElse() {
        assertThat(MosquittoBinary.locate("/opt/mq", "/env/mq", "/usr/bin",
                executables("/opt/mq", "/env/mq", "/usr/sbin/mosquitto"))).isEqualTo(Path.of("/opt/mq"));
    }

    @Test
    void environmentVariableWinsOverDefaults() {
        assertThat(MosquittoBinary.locate(null, "/env/mq", "/usr/bin",
                executables("/env/mq", "/usr/sbin/mosquitto"))).isEqualTo(Path.of("/env/mq"));
    }

    @Test
    void debianPathBeforePath() {
        assertThat(MosquittoBinary.locate(null, null, "/usr/local/bin",
                executables("/usr/local/bin/mosquitto", "/usr/sbin/mosquitto"))).isEqualTo(Path.of("/usr/sbin/mosquitto"));
    }

    @Test
    void searchesPathLast() {
        assertThat(MosquittoBinary.locate(null, "", "/usr/bin:/usr/local/bin",
                executables("/usr/local/bin/mosquitto"))).isEqualTo(Path.of("/usr/local/bin/mosquitto"));
    }

    @Test
    void missingBinarySaysHowToGetIt() {
        assertThatThrownBy(() -> MosquittoBinary.locate(null, null, "/usr/bin", executables()))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("apt-get install mosquitto")
                .hasMessageContaining("-Dtestkit.mosquitto=");
    }

    @Test
    void wrongExplicitPathIsReportedNotSilentlyReplaced() {
        assertThatThrownBy(() -> MosquittoBinary.locate("/nowhere/mosquitto", null, "/usr/bin",
                executables("/usr/sbin/mosquitto")))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("-Dtestkit.mosquitto is /nowhere/mosquitto");
    }
}
