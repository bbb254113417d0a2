package io.pilotwatch.support.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServiceCliTest {

    @Test
    void versionIsTheOneOfTheRootPom() throws IOException {
        // Read from the root pom by hand, not through Maven: a broken filter would leave "${project.version}".
        Matcher parent = Pattern.compile("<artifactId>pilotwatch-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("../pom.xml")));
        assertThat(parent.find()).isTrue();
        assertThat(ServiceCli.version()).isEqualTo(parent.group(1));
    }

    @Test
    void footerListsEachKeyWithItsDefaultAndTheLoggingVariables() {
        String footer = String.format(ServiceCli.footer(List.of(new DocumentedKey("http.port", "8080"),
                new DocumentedKey("kafka.producer.*", "see below"), new DocumentedKey("x.share", "50%"))));
        assertThat(footer.lines()).contains("  http.port         8080", "  kafka.producer.*  see below",
                "  x.share           50%",
                "  (a key ending in .* passes any setting of the Kafka client through, e.g. KAFKA_PRODUCER_SECURITY_PROTOCOL)");
        assertThat(footer).contains("LOG_LEVEL ", "PILOTWATCH_LOG_LEVEL", "LOG_LEVELS", "LOG_FORMAT");
        assertThat(footer.lines()).allMatch(line -> line.length() <= 120);
    }

    @Test
    void environmentVariableOfAKeyAndOfAPrefix() {
        assertThat(new DocumentedKey("ingest.listen.max.connections.per.user", "100").environmentVariable())
                .isEqualTo("INGEST_LISTEN_MAX_CONNECTIONS_PER_USER");
        assertThat(new DocumentedKey("kafka.streams.*", "see below").environmentVariable()).isEqualTo("KAFKA_STREAMS_*");
    }
}
