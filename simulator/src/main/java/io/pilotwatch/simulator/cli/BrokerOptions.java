package io.pilotwatch.simulator.cli;

import io.pilotwatch.simulator.publish.MqttSettings;
import io.pilotwatch.simulator.publish.TlsSockets;
import io.pilotwatch.simulator.run.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import picocli.CommandLine.Option;

/** Where and how to publish. Environment variables MQTT_URL, MQTT_USERNAME and MQTT_PASSWORD fill in missing flags. */
final class BrokerOptions {

    @Option(names = "--broker", paramLabel = "URL", defaultValue = "${env:MQTT_URL:-tcp://localhost:1883}",
            description = "Broker URL, tcp://host:port or ssl://host:port (env MQTT_URL; default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--username", paramLabel = "USER", defaultValue = "${env:MQTT_USERNAME}",
            description = "MQTT user name (env MQTT_USERNAME).")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:MQTT_PASSWORD}",
            description = "MQTT password (env MQTT_PASSWORD; prefer the variable: flags show in process lists).")
    String password;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust the CA certificate(s) in this PEM file (ssl:// only).")
    Path caFile;

    @Option(names = "--truststore", paramLabel = "FILE", description = "Trust the certificates of this key store (ssl:// only).")
    Path truststore;

    @Option(names = "--truststore-password", paramLabel = "PASSWORD", defaultValue = "",
            description = "Password of the trust store (default: none).")
    String truststorePassword;

    @Option(names = "--truststore-type", paramLabel = "TYPE", defaultValue = "PKCS12",
            description = "PKCS12 or JKS (default: ${DEFAULT-VALUE}).")
    String truststoreType;

    @Option(names = "--qos", paramLabel = "0|1", defaultValue = "1", description = "QoS of every publish (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--client-id-prefix", paramLabel = "PREFIX", defaultValue = "pwsim",
            description = "Client ids are PREFIX-<plant>-<line>[-<station>] (default: ${DEFAULT-VALUE}). Use a different "
                    + "prefix per simulator instance on the same broker.")
    String clientIdPrefix;

    @Option(names = "--max-inflight", paramLabel = "N", defaultValue = "1000",
            description = "Unacknowledged messages per connection before publishing waits (default: ${DEFAULT-VALUE}).")
    int maxInflight;

    @Option(names = "--reconnect-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Give up (exit 1) if a lost connection is not back within this time (default: ${DEFAULT-VALUE}).")
    Duration reconnectTimeout;

    MqttSettings toSettings(Optional<Duration> dropEvery) {
        boolean ssl = url.startsWith("ssl://");
        if (!ssl && !url.startsWith("tcp://")) {
            throw new UsageException("--broker must start with tcp:// or ssl://, got '" + url + "'");
        }
        if (!ssl && (caFile != null || truststore != null)) {
            throw new UsageException("--ca-file and --truststore need an ssl:// broker URL, got '" + url + "'");
        }
        if (caFile != null && truststore != null) {
            throw new UsageException("give either --ca-file or --truststore, not both");
        }
        if (qos != 0 && qos != 1) {
            throw new UsageException("--qos must be 0 or 1, got " + qos);
        }
        if (maxInflight < 1 || maxInflight > 65_000) {
            throw new UsageException("--max-inflight must be from 1 to 65000, got " + maxInflight);
        }
        if (password != null && username == null) {
            throw new UsageException("--password (or MQTT_PASSWORD) needs --username (or MQTT_USERNAME)");
        }
        Optional<SSLSocketFactory> tls;
        try {
            tls = caFile != null ? Optional.of(TlsSockets.trustingPem(caFile))
                    : truststore != null ? Optional.of(TlsSockets.trustingStore(truststore,
                    truststorePassword.toCharArray(), truststoreType)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new MqttSettings(url, Optional.ofNullable(username), Optional.ofNullable(password), tls, qos,
                clientIdPrefix, maxInflight, reconnectTimeout, dropEvery);
    }
}
