package io.pilotwatch.simulator.publish;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

/** Paho connect options from {@link MqttSettings}, and readable Paho errors. */
final class MqttOptions {

    /** Headroom over our own window, so Paho never refuses a send that our window allowed. */
    private static final int PAHO_INFLIGHT_SLACK = 100;

    private MqttOptions() {
    }

    static MqttConnectOptions of(MqttSettings settings) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // Resending after a loss is done by MqttConnection, so Paho must not keep or replay its own state.
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setMaxInflight(settings.maxInflight() + PAHO_INFLIGHT_SLACK);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(password -> options.setPassword(password.toCharArray()));
        if (settings.tls().isPresent()) {
            options.setSocketFactory(settings.tls().get());
        } else if (settings.url().startsWith("tcp://")) {
            options.setSocketFactory(new BufferedSockets());
        }
        return options;
    }

    /** Paho's message plus its cause, which usually holds the useful part ("Connection refused"). */
    static String describe(MqttException e) {
        String message = e.getMessage() + " (reason " + e.getReasonCode() + ")";
        Throwable cause = e.getCause();
        return cause == null ? message : message + ": " + cause;
    }
}
