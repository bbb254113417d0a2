package io.pilotwatch.deploy.bench;

import java.util.Locale;

/** The benchmark's results as a Markdown table and as JSON, with the machine they were measured on. */
record Results(Point relay, Point subscribe, Point listen, int durationSeconds, int warmupSeconds,
               int repetitions, int connections, int window, int brokerInflight, int subscribeConnections,
               int payloadBytes) {

    String machine() {
        return Machine.describe();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %s. QoS 1, %d-byte JSON, %d publishing connections x "
                        + "window %d, Mosquitto max_inflight_messages %d, bridge subscribe connections %d; %d s warm-up, "
                        + "%d s measured, median of %d.%n%n",
                machine(), payloadBytes, connections, window, brokerInflight, subscribeConnections, warmupSeconds,
                durationSeconds, repetitions));
        md.append("| path | delivered msg/s | ratio to A | publish->ack p50 ms | p99 ms | max ms | bridge receipt->Kafka ack p50 ms | p99 ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        row(md, "A. publishers -> Mosquitto -> subscriber", relay);
        row(md, "B. publishers -> Mosquitto -> ingest (subscribe) -> Kafka", subscribe);
        row(md, "C. publishers -> ingest (listen) -> Kafka", listen);
        return md.toString();
    }

    private void row(StringBuilder md, String name, Point point) {
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.1f | %.1f | %.1f | %s | %s |%n", name,
                point.deliveredPerSecond(), point.deliveredPerSecond() / relay.deliveredPerSecond(),
                point.publishAckP50Millis(), point.publishAckP99Millis(), point.publishAckMaxMillis(),
                format(point.bridgeAckP50Millis()), format(point.bridgeAckP99Millis())));
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    String json() {
        return String.format(Locale.ROOT, "{\"machine\":\"%s\",\"payloadBytes\":%d,\"connections\":%d,\"window\":%d,"
                        + "\"brokerInflight\":%d,\"subscribeConnections\":%d,\"durationSeconds\":%d,\"warmupSeconds\":%d,\"repetitions\":%d,"
                        + "\"A\":%s,\"B\":%s,\"C\":%s,\"ratios\":{\"B/A\":%.3f,\"C/A\":%.3f}}%n",
                machine(), payloadBytes, connections, window, brokerInflight, subscribeConnections, durationSeconds,
                warmupSeconds, repetitions, json(relay), json(subscribe), json(listen),
                subscribe.deliveredPerSecond() / relay.deliveredPerSecond(),
                listen.deliveredPerSecond() / relay.deliveredPerSecond());
    }

    private static String json(Point p) {
        return String.format(Locale.ROOT, "{\"deliveredPerSecond\":%.1f,\"publishedPerSecond\":%.1f,"
                        + "\"publishAckP50Millis\":%.3f,\"publishAckP99Millis\":%.3f,\"publishAckMaxMillis\":%.3f,"
                        + "\"bridgeAckP50Millis\":%s,\"bridgeAckP99Millis\":%s}", p.deliveredPerSecond(),
                p.publishedPerSecond(), p.publishAckP50Millis(), p.publishAckP99Millis(), p.publishAckMaxMillis(),
                Double.isNaN(p.bridgeAckP50Millis()) ? "null" : String.format(Locale.ROOT, "%.3f", p.bridgeAckP50Millis()),
                Double.isNaN(p.bridgeAckP99Millis()) ? "null" : String.format(Locale.ROOT, "%.3f", p.bridgeAckP99Millis()));
    }
}
