package io.pilotwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.ingest.config.IngestKeys;
import io.pilotwatch.support.cli.DocumentedKey;
import io.pilotwatch.support.cli.ServiceCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ingest.jar --help}, {@code --version} and the configuration file argument. The help table against
 * docs/configuration.md: deploy's ConfigurationDocTest.
 */
class IngestCommandTest {

    private final List<Path> started = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = IngestCommand.commandLine(file -> {
            started.add(file);
            return 0;
        });
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsEveryKeyWithItsVariableAndDefaultAndStartsNothing() {
        assertThat(run("--help")).isZero();
        assertThat(started).isEmpty();
        String help = out.toString();
        for (DocumentedKey key : IngestKeys.ALL) {
            assertThat(help).containsPattern("(?m)^  \\Q" + key.key() + "\\E +\\Q" + key.defaultValue() + "\\E$");
        }
        assertThat(help).contains("  ingest.mode", "subscribe", "hash-password", "CONFIG_FILE",
                "LOG_FORMAT");
    }

    @Test
    void theHelpTableHasExactlyTheKeysTheBridgeAccepts() {
        // Seen failing with a key left out of IngestKeys ("mqtt.keepalive.seconds").
        List<String> documented = IngestKeys.ALL.stream().map(DocumentedKey::key).toList();
        assertThat(documented).doesNotHaveDuplicates();
        assertThat(documented.stream().filter(k -> !k.endsWith(".*")).collect(Collectors.toSet()))
                .isEqualTo(IngestConfig.KEYS);
        assertThat(documented).contains("kafka.producer.*");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("PilotWatch ingest bridge " + ServiceCli.version());
        assertThat(started).isEmpty();
    }

    @Test
    void theConfigurationFileStaysThePositionalArgument() {
        assertThat(run("/etc/pilotwatch/ingest.properties")).isZero();
        assertThat(run()).isZero();
        assertThat(started).containsExactly(Path.of("/etc/pilotwatch/ingest.properties"), null);
    }

    @Test
    void anUnknownOptionIsAUsageErrorNotAConfigurationFile() {
        assertThat(run("--hepl")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--hepl'");
        assertThat(started).isEmpty();
    }
}
