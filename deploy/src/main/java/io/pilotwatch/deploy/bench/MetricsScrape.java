package io.pilotwatch.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads a service's {@code /metrics} as Prometheus would, and sums samples from it. */
final class MetricsScrape {

    // HTTP/1.1 as Prometheus scrapes, and bounded waits: a lost request must fail the point, not hang the run.
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(10)).build();

    private final String text;

    private MetricsScrape(String text) {
        this.text = text;
    }

    static MetricsScrape of(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/metrics answered " + response.statusCode());
        }
        return new MetricsScrape(response.body());
    }

    /** The exposition's lines. */
    java.util.List<String> lines() {
        return text.lines().toList();
    }

    /** The sum of every sample of {@code name} whose label text contains each of {@code labels} (e.g. {@code plant="p"}). */
    double sum(String name, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean matches = true;
            for (String label : labels) {
                matches &= line.contains(label);
            }
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Every record the service has counted: accepted, duplicates, late and rejected, over all plants. */
    long recordsCounted() {
        return Math.round(sum("analytics_events_accepted_total") + sum("analytics_events_duplicate_total")
                + sum("analytics_events_late_total") + sum("analytics_records_rejected_total"));
    }
}
