package io.pilotwatch.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration for every PilotWatch JVM, found through {@code META-INF/services}: the {@code LOG_*}
 * variables ({@link LogSettings}) decide levels and format; lines go to standard error, like slf4j-simple's
 * did, so that a command's standard output (the simulator's summary, {@code --help}) stays clean.
 *
 * <p>An operator who wants a Logback file of their own sets {@code -Dlogback.configurationFile=...}: this
 * configurator then steps aside and Logback reads that file (so does a {@code logback-test.xml}). A plain
 * {@code logback.xml} on the class path does not count: libraries ship one (Tahu's sets the root to TRACE on
 * stdout), and it must not decide how a service logs.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class EnvironmentConfigurator extends ContextAwareBase implements ch.qos.logback.classic.spi.Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || onClassPath("logback-test.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogSettings settings = LogSettings.fromSystem();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setTarget(ConsoleTarget.SystemErr.getName());
        LogSetup.apply(context, settings, console);
        // Through the logging itself, so that a JSON shipper gets them as JSON too.
        settings.problems().forEach(problem -> context.getLogger(EnvironmentConfigurator.class)
                .warn("Logging configuration: {}", problem));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean onClassPath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return (loader != null ? loader : EnvironmentConfigurator.class.getClassLoader()).getResource(resource) != null;
    }
}
