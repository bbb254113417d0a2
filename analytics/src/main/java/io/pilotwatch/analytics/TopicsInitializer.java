package io.pilotwatch.analytics;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the input topic and creates the output topics the service owns: the KPI and baselines topics
 * compacted (they hold the latest value per key), the DLQ if nobody made it yet.
 */
final class TopicsInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(TopicsInitializer.class);
    private static final long TIMEOUT_SECONDS = 30;

    private TopicsInitializer() {
    }

    /**
     * @return the partition count of the telemetry topic
     * @throws IllegalStateException if the telemetry topic does not exist or Kafka does not answer
     */
    static int ensure(AnalyticsConfig config) throws InterruptedException {
        Map<String, Object> client = new java.util.HashMap<>(config.streams().clientSecurity());
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String telemetry = config.kafka().telemetryTopic();
            if (!existing.contains(telemetry)) {
                throw new IllegalStateException("input topic " + telemetry + " does not exist: create it (its "
                        + "partition count bounds the service's parallelism) or start the ingest bridge first");
            }
            int partitions = admin.describeTopics(List.of(telemetry)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(telemetry).partitions().size();
            Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(config.kafka().kpiTopic(), config.kafka().baselinesTopic())) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(compacted));
                }
            }
            if (!existing.contains(config.kafka().dlqTopic())) {
                missing.add(new NewTopic(config.kafka().dlqTopic(), Optional.of(partitions), Optional.empty()));
            }
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> created
                    : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    LOG.info("Created topic {}", created.getKey());
                } catch (ExecutionException e) {
                    // Another instance may have created it a moment ago: that is what we wanted.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return partitions;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot check or create topics on " + config.kafka().bootstrapServers()
                    + ": " + e.getMessage(), e);
        }
    }
}
