package io.pilotwatch.ingest;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.support.config.ConfigException;
import io.pilotwatch.support.metrics.JvmMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar ingest.jar [config.properties]} runs the bridge;
 * {@code java -jar ingest.jar hash-password < password.txt} prints a credentials-file hash;
 * {@code --help} lists the configuration keys, {@code --version} prints the version ({@link IngestCommand}).
 * Exits 1 if the configuration is bad or the bridge cannot start, 2 for unknown options.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    /** A Vert.x instance whose own metrics (vertx_*) go to {@code registry}. */
    public static Vertx createVertx(PrometheusMeterRegistry registry) {
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    public static void main(String[] args) {
        int exit = IngestCommand.commandLine(Application::start).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Starts the bridge: 1 for a bad configuration, else 0 (a deployment that fails later exits 1 itself). */
    static int start(Path file) {
        IngestConfig config;
        try {
            config = IngestConfig.fromMap(IngestConfig.load(file, System.getenv()));
        } catch (ConfigException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            return 1;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Heap, GC, threads and CPU (jvm_*, process_*): heap under load is what -Xmx is sized by.
        JvmMetrics.bindTo(registry);
        Vertx vertx = createVertx(registry);
        vertx.deployVerticle(new IngestBridge(config, registry))
                .onFailure(e -> {
                    LOG.error("Cannot start the ingest bridge: {}", e.getMessage(), e);
                    vertx.close();
                    System.exit(1);
                })
                .onSuccess(id -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    CountDownLatch closed = new CountDownLatch(1);
                    vertx.undeploy(id).onComplete(r -> closed.countDown());
                    try {
                        closed.await(config.shutdownGrace().toSeconds() + 10, TimeUnit.SECONDS);
                        // Closed separately: a callback chained on the undeploy would run on a stopped event loop.
                        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        LOG.warn("Vert.x did not close cleanly: {}", e.toString());
                    }
                }, "ingest-shutdown")));
        return 0;
    }
}
