package io.pilotwatch.deploy.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** What the launcher prints once the services are ready: where everything is, and how to wire a device. */
final class Banner {

    private Banner() {
    }

    /**
     * @param mqtt        the MQTT endpoint devices use (the bridge's listener, or the external broker)
     * @param kafka       bootstrap servers, and whether the broker is the embedded one
     * @param credentials the listener's generated device account, if it has one
     */
    static void print(PrintStream out, StackOptions options, String mqtt, String kafka, boolean embeddedKafka,
                      Optional<DeviceCredentials> credentials, Path logs, Path kafkaLog) {
        String ingest = "http://127.0.0.1:" + options.ingestPort();
        String analytics = "http://127.0.0.1:" + options.analyticsPort();
        out.println();
        out.println("PilotWatch local stack is up. Data: " + options.dataDir().toAbsolutePath().normalize());
        if (options.listen()) {
            out.println("  MQTT endpoint       " + mqtt + "  (the ingest bridge itself, listen mode; "
                    + (credentials.isPresent() ? "user '" + credentials.get().username() + "', password '"
                    + credentials.get().password() + "')" : "anonymous devices accepted: loopback only)"));
        } else {
            out.println("  MQTT broker         " + mqtt + "  (external; the ingest bridge subscribes to it)");
            if (options.simulator()) {
                out.println("  Note: the simulated history goes through your broker as fast as it accepts it. A broker "
                        + "that limits the messages it queues per client drops some when the bridge falls behind "
                        + "(Mosquitto: max_queued_messages, default 1000; set it to 0). See docs/local-stack.md.");
            }
        }
        out.println("  Kafka               " + kafka + (embeddedKafka ? "  (embedded, single-node KRaft)" : "  (external)"));
        out.println("  Ingest              " + ingest + "/metrics   " + ingest + "/health/ready");
        out.println("  Analytics           " + analytics + "/metrics   " + analytics + "/health/ready");
        out.println("  Scorecard           " + analytics + "/scorecard   (page)");
        out.println("                      " + analytics + "/api/v1/scorecard   (JSON)");
        out.println("                      " + analytics + "/api/v1/scorecard.csv   (CSV)");
        out.println("  Logs                " + logs + "/{ingest,analytics,simulator}.log"
                + (embeddedKafka ? ", " + kafkaLog : ""));
        out.println("Wire a device (topics and payloads: docs/telemetry.md), e.g. a finished unit of a new plant:");
        out.println("  " + mosquittoPub(mqtt, credentials));
        out.println(options.duration().map(d -> "Stopping after " + d.toSeconds() + " s; Ctrl-C stops earlier.")
                .orElse("Ctrl-C stops everything."));
        out.println();
        out.flush();
    }

    /** A listener on all interfaces is reached by this machine's name, not by 0.0.0.0. */
    private static String reachableHost(String host) {
        if (!host.equals("0.0.0.0") && !host.equals("::") && !host.equals("[::]")) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "<this machine's address>";
        }
    }

    static String mosquittoPub(String mqtt, Optional<DeviceCredentials> credentials) {
        String hostPort = mqtt.substring(mqtt.indexOf("://") + 3);
        String host = reachableHost(hostPort.substring(0, hostPort.lastIndexOf(':')));
        String port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
        Instant completed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant started = completed.minus(1, ChronoUnit.HOURS);
        String auth = credentials.map(c -> " -u " + c.username() + " -P '" + c.password() + "'").orElse("");
        String tls = mqtt.startsWith("ssl://") ? " --capath /etc/ssl/certs" : "";
        return "mosquitto_pub -h " + host + " -p " + port + auth + tls + " -q 1 -t 'factory/v1/my-plant/l1/eol/unit' "
                + "-m '{\"seq\":0,\"boot\":1,\"ts\":\"" + completed + "\",\"unitId\":\"U-0001\",\"startedAt\":\""
                + started + "\",\"completedAt\":\"" + completed + "\",\"result\":\"good\"}'";
    }
}
