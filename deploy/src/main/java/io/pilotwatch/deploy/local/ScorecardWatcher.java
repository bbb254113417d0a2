package io.pilotwatch.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the analytics scorecard and prints a line whenever a plant's outcome for a milestone changes, so the user
 * sees the verdicts arrive without opening a browser.
 */
final class ScorecardWatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ScorecardWatcher.class);
    private static final Duration EVERY = Duration.ofSeconds(5);

    private final URI scorecard;
    private final PrintStream out;
    private final long startNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> printed = new HashMap<>();

    ScorecardWatcher(URI scorecard, PrintStream out, long startNanos) {
        this.scorecard = scorecard;
        this.out = out;
        this.startNanos = startNanos;
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                poll();
                Thread.sleep(EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() throws InterruptedException {
        JsonNode card;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(scorecard).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.debug("Scorecard answered {}", response.statusCode());
                return;
            }
            card = json.readTree(response.body());
        } catch (IOException e) {
            // The service may be busy or stopping; the next poll tries again.
            LOG.debug("Scorecard not available: {}", e.toString());
            return;
        }
        MilestoneOutcome.of(card).forEach((plant, milestones) -> milestones.forEach((milestone, outcome) -> {
            if (outcome.state() == MilestoneOutcome.State.PENDING) {
                return;
            }
            String text = outcome.describe();
            if (!text.equals(printed.put(plant + " " + milestone, text))) {
                long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
                out.printf("[%3d s] scorecard: %-12s milestone %s %s%n", seconds, plant, milestone, text);
                out.flush();
            }
        }));
    }
}
