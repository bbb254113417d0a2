package io.pilotwatch.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.LogstashEncoder;

/** Applies {@link LogSettings} to a Logback context: one appender, the chosen line format, the levels. */
public final class LogSetup {

    /**
     * Plain lines: ISO-8601 time with the zone offset (a log shipper or a reader in another time zone needs no
     * guess), level, thread, logger, message; a stack trace follows on the next lines.
     */
    public static final String PLAIN_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n";

    private LogSetup() {
    }

    /**
     * Configures {@code context} to write every event that passes the levels to {@code appender} (not started
     * yet: its output stream or console target set by the caller).
     */
    public static void apply(LoggerContext context, LogSettings settings, OutputStreamAppender<ILoggingEvent> appender) {
        appender.setContext(context);
        appender.setName("pilotwatch-" + settings.format().name().toLowerCase(java.util.Locale.ROOT));
        appender.setEncoder(encoder(context, settings.format()));
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        root.setLevel(Level.toLevel(settings.rootLevel()));
        settings.loggerLevels().forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level)));
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogSettings.Format format) {
        if (format == LogSettings.Format.JSON) {
            LogstashEncoder json = new LogstashEncoder();
            json.setContext(context);
            json.start();
            return json;
        }
        PatternLayoutEncoder plain = new PatternLayoutEncoder();
        plain.setContext(context);
        plain.setPattern(PLAIN_PATTERN);
        plain.start();
        return plain;
    }
}
