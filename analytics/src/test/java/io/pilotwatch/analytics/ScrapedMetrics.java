package io.pilotwatch.analytics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** A scrape of {@code /metrics} in the Prometheus text format, with lookups by name and labels. */
public final class ScrapedMetrics {

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private ScrapedMetrics(List<Sample> samples) {
        this.samples = samples;
    }

    /** Scrapes {@code http://127.0.0.1:port/metrics}; empty when the endpoint does not answer 200. */
    public static ScrapedMetrics scrape(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : new ScrapedMetrics(List.of());
        } catch (IOException e) {
            return new ScrapedMetrics(List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scraping", e);
        }
    }

    static ScrapedMetrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0) {
                String inner = line.substring(brace + 1, line.lastIndexOf('}'));
                for (String pair : inner.split("\",")) {
                    if (pair.isBlank()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 2).replaceAll("\"$", ""));
                }
            }
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
        return new ScrapedMetrics(samples);
    }

    /**
     * The samples of several instances together, as a Prometheus server scraping each sees them (without
     * the {@code instance} label): {@link #value} then fails if two instances export the same series.
     */
    public static ScrapedMetrics combine(ScrapedMetrics... instances) {
        List<Sample> all = new ArrayList<>();
        for (ScrapedMetrics instance : instances) {
            all.addAll(instance.samples);
        }
        return new ScrapedMetrics(all);
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels} (key, value, ...). */
    public OptionalDouble value(String name, String... labels) {
        List<Sample> matching = samples.stream().filter(s -> s.name().equals(name) && matches(s, labels)).toList();
        if (matching.size() > 1) {
            throw new AssertionError(matching.size() + " samples of " + name + " match " + List.of(labels));
        }
        return matching.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matching.get(0).value());
    }

    /** How many samples of {@code name} match {@code labels}. */
    public long count(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && matches(s, labels)).count();
    }

    /** The sum over every sample of {@code name} matching {@code labels}. */
    public double sum(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && matches(s, labels)).mapToDouble(Sample::value).sum();
    }

    private static boolean matches(Sample sample, String[] labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
