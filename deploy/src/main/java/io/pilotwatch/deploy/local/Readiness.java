package io.pilotwatch.deploy.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting for a service's {@code /health/ready}. */
final class Readiness {

    private Readiness() {
    }

    /**
     * Returns once {@code GET /health/ready} answers 200, or at once when a stop is requested.
     *
     * @throws IllegalStateException naming the service and its log if it exits or is not ready within the timeout
     */
    static void await(ChildJvm service, int httpPort, Duration timeout, CountDownLatch stop)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " exited during start; see " + service.log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            if (stop.await(250, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new IllegalStateException(service.name() + " was not ready within " + timeout.toSeconds()
                + " s; see " + service.log());
    }
}
