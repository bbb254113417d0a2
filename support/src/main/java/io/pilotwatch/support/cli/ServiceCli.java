package io.pilotwatch.support.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;

/** What the services' command lines share: the version, and a help footer listing the configuration. */
public final class ServiceCli {

    private static final String VERSION_RESOURCE = "version.properties";
    /** Wide enough for a key and its longest default on one line. */
    private static final int HELP_WIDTH = 120;

    private ServiceCli() {
    }

    /** The project version this jar was built as (Maven filters it into a resource at build time). */
    public static String version() {
        try (InputStream in = ServiceCli.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VERSION_RESOURCE + " is missing from the support module's jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + VERSION_RESOURCE, e);
        }
    }

    /**
     * A picocli command line for {@code command} with {@code --help} listing {@code keys} and the logging
     * variables under the usage, and {@code --version} printing "{@code title} {version}".
     */
    public static CommandLine commandLine(Object command, String title, List<DocumentedKey> keys) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.getCommandSpec().version(title + " " + version());
        commandLine.getCommandSpec().usageMessage().width(HELP_WIDTH).footer(footer(keys));
        return commandLine;
    }

    /** The configuration part of {@code --help}: each key and its default. */
    static String footer(List<DocumentedKey> keys) {
        int keyWidth = keys.stream().mapToInt(k -> k.key().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        text.append("%nConfiguration keys and defaults (docs/configuration.md). Each key is overridden by the environment "
                + "variable%nof its name in upper case with _ for . (kafka.bootstrap.servers: KAFKA_BOOTSTRAP_SERVERS).%n");
        for (DocumentedKey key : keys) {
            text.append("  ").append(escape(String.format("%-" + keyWidth + "s  %s", key.key(), key.defaultValue())))
                    .append("%n");
        }
        if (keys.stream().anyMatch(k -> k.key().endsWith(".*"))) {
            text.append("  (a key ending in .* passes any setting of the Kafka client through, e.g. "
                    + keys.stream().filter(k -> k.key().endsWith(".*")).findFirst().orElseThrow().environmentVariable()
                    .replace("*", "SECURITY_PROTOCOL") + ")%n");
        }
        text.append("%nLogging (docs/operations.md#logging), from the environment; logs go to standard error:%n"
                + "  LOG_LEVEL             INFO     TRACE, DEBUG, INFO, WARN, ERROR or OFF, for every logger%n"
                + "  PILOTWATCH_LOG_LEVEL  (root)   the level of PilotWatch's own classes (io.pilotwatch)%n"
                + "  LOG_LEVELS            none     named loggers, e.g. org.apache.kafka=INFO,io.vertx=DEBUG "
                + "(Kafka, Netty: WARN)%n"
                + "  LOG_FORMAT            plain    plain or json (one JSON object per line, for log shippers)%n");
        return text.toString();
    }

    /** picocli reads the footer as a format string. */
    private static String escape(String text) {
        return text.replace("%", "%%");
    }
}
