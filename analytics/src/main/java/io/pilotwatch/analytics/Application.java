package io.pilotwatch.analytics;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.support.config.ConfigException;
import io.pilotwatch.support.config.ConfigSource;
import io.pilotwatch.analytics.config.DefinitionFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar analytics.jar [analytics.properties]} runs the analytics service. Exits 1 if the
 * configuration, the targets file or the baselines file is bad, or the service cannot start.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
        Path file = args.length > 0 ? Path.of(args[0]) : null;
        AnalyticsService service;
        try {
            AnalyticsConfig config = AnalyticsConfig.fromMap(AnalyticsConfig.load(file, System.getenv()));
            service = AnalyticsService.start(config);
        } catch (ConfigException | DefinitionFileException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            LOG.error("Cannot start the analytics service: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "analytics-shutdown"));
    }
}
