package io.pilotwatch.simulator.publish;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * How to reach the broker.
 *
 * @param url              {@code tcp://host:port} or {@code ssl://host:port}
 * @param username         MQTT user name, if any
 * @param password         MQTT password, if any
 * @param tls              socket factory for {@code ssl://} with a custom trust store; empty: the JVM's default
 * @param qos              0 or 1
 * @param clientIdPrefix   client ids are {@code <prefix>-<plant>-<line>[-<station>]}
 * @param maxInflight      unacknowledged messages per connection before publishing waits
 * @param reconnectTimeout how long a lost connection may take to come back before the run fails
 * @param dropEvery        inject a connection drop this often (wall time); empty: never
 */
public record MqttSettings(String url, Optional<String> username, Optional<String> password,
                           Optional<SSLSocketFactory> tls, int qos, String clientIdPrefix, int maxInflight,
                           Duration reconnectTimeout, Optional<Duration> dropEvery) {

    public MqttSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
        Objects.requireNonNull(reconnectTimeout, "reconnectTimeout");
        Objects.requireNonNull(dropEvery, "dropEvery");
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("qos must be 0 or 1, got " + qos);
        }
        if (maxInflight < 1) {
            throw new IllegalArgumentException("maxInflight must be >= 1, got " + maxInflight);
        }
    }

    @Override
    public String toString() {
        // Never print the password.
        return "MqttSettings[url=" + url + ", username=" + username.orElse("-") + ", qos=" + qos
                + ", clientIdPrefix=" + clientIdPrefix + ", maxInflight=" + maxInflight + "]";
    }
}
