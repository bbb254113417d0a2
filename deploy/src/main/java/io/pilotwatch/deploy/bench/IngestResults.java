package io.pilotwatch.deploy.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ingest benchmark's results as Markdown tables and as JSON, with the machine they were measured on. */
record IngestResults(Point generator, Point relay, Point subscribe, Point listen, long subscribePeakHeap,
                     long subscribePeakRss, long listenPeakHeap, long listenPeakRss, LatencyPoint halfSubscribe,
                     LatencyPoint halfListen, ProducerLatency producer, ProducerLatency producerNoLinger,
                     ScaleOutPoint scaleOut, ListenPoints.Results judged, IngestBenchmark settings) {

    private static final double MIB = 1024 * 1024;

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %s. QoS 1, %d-byte JSON, %d publishing connections x "
                        + "window %d, Mosquitto max_inflight_messages %d, bridge subscribe connections %d, bridge JVM "
                        + "-Xmx%s; %d s warm-up, %d s measured, median of %d.%n%n", Machine.describe(),
                LoadGenerator.payload(1_000_000).length, settings.connections, settings.window,
                settings.brokerInflight, settings.subscribeConnections, settings.bridgeHeap,
                settings.warmupSeconds, settings.durationSeconds, settings.repetitions));
        md.append("| path | delivered msg/s | ratio to A | publish->ack p50 ms | p99 ms | max ms "
                + "| bridge receipt->Kafka ack p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        row(md, "A0. publishers -> Mosquitto, no subscriber (the generator's own rate)", generator);
        row(md, "A. publishers -> Mosquitto -> subscriber", relay);
        row(md, "B. publishers -> Mosquitto -> ingest (subscribe) -> Kafka", subscribe);
        row(md, "C. publishers -> ingest (listen) -> Kafka", listen);
        md.append("\n| E. latency at half the maximum | paced msg/s | delivered msg/s | publish->PUBACK (E0: send->ack) p50 ms "
                + "| p99 ms | max ms | publish->read from Kafka p50 ms | p99 ms | max ms | bridge receipt->Kafka ack "
                + "p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        latency(md, "B. subscribe", halfSubscribe);
        latency(md, "C. listen", halfListen);
        reference(md, "E0. plain producer, the bridge's settings (linger %d ms), send->ack at C's rate", producer);
        reference(md, "E0. the same, linger %d ms", producerNoLinger);
        md.append(String.format(Locale.ROOT, "%n| F. bridge memory (peak over the repetitions) | heap MiB | RSS MiB |"
                        + "%n|---|---:|---:|%n| B. subscribe | %.0f | %.0f |%n| C. listen | %.0f | %.0f |%n",
                subscribePeakHeap / MIB, subscribePeakRss / MIB, listenPeakHeap / MIB, listenPeakRss / MIB));
        if (scaleOut != null) {
            md.append(String.format(Locale.ROOT, "%n| scale-out: %d subscribe bridges, one shared subscription "
                            + "| msg/s | ratio to B | per instance msg/s | published | in Kafka | exact |%n"
                            + "|---|---:|---:|---|---:|---:|---|%n| total | %,.0f | %.2f | %s | %,d | %,d | %s |%n",
                    scaleOut.perInstancePerSecond().size(), scaleOut.deliveredPerSecond(),
                    scaleOut.deliveredPerSecond() / subscribe.deliveredPerSecond(),
                    String.join(" / ", scaleOut.perInstancePerSecond().stream()
                            .map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList()),
                    scaleOut.published(), scaleOut.inKafka(), scaleOut.exact() ? "yes" : "NO"));
        }
        md.append(judged.markdown());
        return md.toString();
    }

    private void row(StringBuilder md, String name, Point point) {
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.1f | %.1f | %.1f | %s | %s |%n", name,
                point.deliveredPerSecond(), point.deliveredPerSecond() / relay.deliveredPerSecond(),
                point.publishAckP50Millis(), point.publishAckP99Millis(), point.publishAckMaxMillis(),
                format(point.bridgeAckP50Millis()), format(point.bridgeAckP99Millis())));
    }

    private static void latency(StringBuilder md, String name, LatencyPoint p) {
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %s | %s |%n",
                name, p.targetPerSecond(), p.deliveredPerSecond(), p.publishAckP50Millis(), p.publishAckP99Millis(),
                p.publishAckMaxMillis(), p.arrivalP50Millis(), p.arrivalP99Millis(), p.arrivalMaxMillis(),
                format(p.bridgeAckP50Millis()), format(p.bridgeAckP99Millis())));
    }

    private static void reference(StringBuilder md, String name, ProducerLatency p) {
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f | %.1f | %.1f | - | - | - | - | - |%n",
                String.format(Locale.ROOT, name, p.lingerMs()), p.targetPerSecond(), p.ackedPerSecond(),
                p.sendAckP50Millis(), p.sendAckP99Millis(), p.sendAckMaxMillis()));
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    String json() throws JsonProcessingException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", Machine.describe());
        json.put("payloadBytes", LoadGenerator.payload(1_000_000).length);
        json.put("connections", settings.connections);
        json.put("window", settings.window);
        json.put("brokerInflight", settings.brokerInflight);
        json.put("subscribeConnections", settings.subscribeConnections);
        json.put("bridgeHeap", settings.bridgeHeap);
        json.put("durationSeconds", settings.durationSeconds);
        json.put("warmupSeconds", settings.warmupSeconds);
        json.put("repetitions", settings.repetitions);
        json.put("A0", generator);
        json.put("A", relay);
        json.put("B", subscribe);
        json.put("C", listen);
        json.put("E", Map.of("B", halfSubscribe, "C", halfListen));
        json.put("E0", Map.of("bridge", producer, "linger0", producerNoLinger));
        json.put("F", Map.of("B", Map.of("peakHeapBytes", subscribePeakHeap, "peakRssBytes", subscribePeakRss),
                "C", Map.of("peakHeapBytes", listenPeakHeap, "peakRssBytes", listenPeakRss)));
        if (scaleOut != null) {
            Map<String, Object> scaled = new LinkedHashMap<>();
            scaled.put("instances", scaleOut.perInstancePerSecond().size());
            scaled.put("deliveredPerSecond", scaleOut.deliveredPerSecond());
            scaled.put("perInstancePerSecond", scaleOut.perInstancePerSecond());
            scaled.put("published", scaleOut.published());
            scaled.put("inKafka", scaleOut.inKafka());
            scaled.put("forwarded", scaleOut.forwarded());
            scaled.put("exact", scaleOut.exact());
            json.put("scaleOut", scaled);
        }
        json.put("listenJudged", judged.json());
        json.put("ratios", Map.of("B/A", subscribe.deliveredPerSecond() / relay.deliveredPerSecond(),
                "C/A", listen.deliveredPerSecond() / relay.deliveredPerSecond()));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false).writeValueAsString(json) + "\n";
    }
}
