package io.pilotwatch.analytics;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.config.DefinitionFileException;
import io.pilotwatch.support.config.ConfigException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar analytics.jar [analytics.properties]} runs the analytics service; {@code --help} lists the
 * configuration keys, {@code --version} prints the version ({@link AnalyticsCommand}). Exits 1 if the
 * configuration, the targets file or the baselines file is bad, or the service cannot start; 2 for unknown options.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
        int exit = AnalyticsCommand.commandLine(Application::start).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Starts the service and its shutdown hook: 0 once it runs, 1 if it cannot start. */
    static int start(Path file) {
        AnalyticsService service;
        try {
            AnalyticsConfig config = AnalyticsConfig.fromMap(AnalyticsConfig.load(file, System.getenv()));
            service = AnalyticsService.start(config);
        } catch (ConfigException | DefinitionFileException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            return 1;
        } catch (Exception e) {
            LOG.error("Cannot start the analytics service: {}", e.getMessage(), e);
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "analytics-shutdown"));
        return 0;
    }
}
