package io.pilotwatch.deploy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Freshness of a caught-up service: one unit at a time is produced (acks=all, no linger), and the clock runs
 * from its acknowledgement until a scrape of {@code /metrics} shows the plant's accepted units one higher.
 * Scrapes run back to back, so the figure includes up to one scrape's duration (reported as the resolution).
 */
final class Freshness {

    /** Latencies in milliseconds, and the median duration of one scrape. */
    record Figures(int samples, double p50Millis, double p99Millis, double maxMillis, double scrapeP50Millis) {
    }

    private Freshness() {
    }

    static Figures measure(Map<String, Object> clientConfig, String topic, int httpPort, String plant,
                           Instant firstCompletedAt, int samples) throws Exception {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        String[] units = {"plant=\"" + plant + "\"", "kind=\"unit\""};
        double[] latencies = new double[samples];
        double[] scrapes = new double[samples];
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < samples; i++) {
                long scrapeBegan = System.nanoTime();
                double before = MetricsScrape.of(httpPort).sum("analytics_events_accepted_total", units);
                scrapes[i] = (System.nanoTime() - scrapeBegan) / 1e6;
                var probe = TelemetryMix.probeUnit(plant, i, firstCompletedAt.plusSeconds(60L * i));
                producer.send(new ProducerRecord<>(topic, probe.getKey(), probe.getValue())).get();
                long acked = System.nanoTime();
                long deadline = acked + Duration.ofSeconds(30).toNanos();
                while (MetricsScrape.of(httpPort).sum("analytics_events_accepted_total", units) <= before) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("probe unit " + i + " not counted within 30 s");
                    }
                }
                long seen = System.nanoTime();
                latencies[i] = (seen - acked) / 1e6;
            }
        }
        Arrays.sort(latencies);
        Arrays.sort(scrapes);
        return new Figures(samples, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies[samples - 1], percentile(scrapes, 0.50));
    }

    /** Nearest rank. */
    private static double percentile(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
