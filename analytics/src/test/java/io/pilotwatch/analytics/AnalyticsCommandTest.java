package io.pilotwatch.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.config.AnalyticsKeys;
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
 * {@code analytics.jar --help}, {@code --version} and the configuration file argument. The help table against
 * docs/configuration.md: deploy's ConfigurationDocTest.
 */
class AnalyticsCommandTest {

    private final List<Path> started = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = AnalyticsCommand.commandLine(file -> {
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
        for (DocumentedKey key : AnalyticsKeys.ALL) {
            assertThat(help).containsPattern("(?m)^  \\Q" + key.key() + "\\E +\\Q" + key.defaultValue() + "\\E$");
        }
        assertThat(help).contains("  analytics.grace.hours", "48", "CONFIG_FILE",
                "LOG_FORMAT");
    }

    @Test
    void theHelpTableHasExactlyTheKeysTheServiceAccepts() {
        // Seen failing with a key left out of AnalyticsKeys ("analytics.trend.months").
        List<String> documented = AnalyticsKeys.ALL.stream().map(DocumentedKey::key).toList();
        assertThat(documented).doesNotHaveDuplicates();
        assertThat(documented.stream().filter(k -> !k.endsWith(".*")).collect(Collectors.toSet()))
                .isEqualTo(AnalyticsConfig.KEYS);
        assertThat(documented).contains("kafka.streams.*");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("PilotWatch analytics " + ServiceCli.version());
        assertThat(started).isEmpty();
    }

    @Test
    void theConfigurationFileStaysThePositionalArgument() {
        assertThat(run("/etc/pilotwatch/analytics.properties")).isZero();
        assertThat(run()).isZero();
        assertThat(started).containsExactly(Path.of("/etc/pilotwatch/analytics.properties"), null);
    }

    @Test
    void anUnknownOptionIsAUsageErrorNotAConfigurationFile() {
        assertThat(run("--hepl")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--hepl'");
        assertThat(started).isEmpty();
    }
}
