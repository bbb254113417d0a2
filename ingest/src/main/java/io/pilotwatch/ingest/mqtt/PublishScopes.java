package io.pilotwatch.ingest.mqtt;

import io.pilotwatch.ingest.sparkplug.SparkplugMapping;
import io.pilotwatch.ingest.sparkplug.SparkplugTopic;
import io.pilotwatch.telemetry.TopicAddress;
import java.util.Optional;

/** Which topics a listen-mode credential's scope may publish to, for the JSON contract and for Sparkplug. */
final class PublishScopes {

    private final Optional<SparkplugMapping> sparkplug;

    PublishScopes(Optional<SparkplugMapping> sparkplug) {
        this.sparkplug = sparkplug;
    }

    /** Whether a credential of {@code scope} may publish to {@code topic}; topics that do not parse go to the DLQ. */
    boolean allows(Scope scope, String topic) {
        if (scope.equals(Scope.ALL)) {
            return true; // the common case needs no parsing: the codec parses the topic once more anyway
        }
        Optional<TopicAddress> address = TopicAddress.tryParse(topic);
        return (address.isEmpty() || scope.allows(address.get().station()))
                && (sparkplug.isEmpty() || allowsSparkplug(scope, topic));
    }

    /**
     * A credential's plant is the plant the Sparkplug group maps to, its line the edge node's. Topics that do
     * not parse are let through to the DLQ, as for the JSON contract.
     */
    boolean allowsSparkplug(Scope scope, String topic) {
        if (!SparkplugTopic.isSparkplug(topic) || scope.equals(Scope.ALL)) {
            return true;
        }
        SparkplugTopic parsed;
        try {
            parsed = SparkplugTopic.parse(topic);
        } catch (IllegalArgumentException e) {
            return true;
        }
        Optional<String> plant = sparkplug.get().plantOf(parsed.group());
        Optional<String> line = sparkplug.get().lineOf(parsed.group(), parsed.edgeNode());
        return scope.plant().map(p -> plant.map(p::equals).orElse(false)).orElse(true)
                && scope.line().map(l -> line.map(l::equals).orElse(false)).orElse(true);
    }
}
