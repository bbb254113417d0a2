package io.pilotwatch.deploy.local;

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

/**
 * Creates the bridge's topics if they are missing: the analytics service needs the telemetry topic at start,
 * before the bridge has written anything. Existing topics are left as they are.
 */
final class Topics {

    static final String TELEMETRY = "factory.telemetry.v1";
    static final String DLQ = "factory.telemetry.dlq.v1";
    /** Two partitions: the analytics service's tasks split the lines, without too many tasks for two cores. */
    private static final int TELEMETRY_PARTITIONS = 2;

    private Topics() {
    }

    static void ensure(String bootstrapServers) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(
                            new NewTopic(TELEMETRY, Optional.of(TELEMETRY_PARTITIONS), Optional.empty()),
                            new NewTopic(DLQ, Optional.of(1), Optional.empty()))
                    .stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the topics " + TELEMETRY + " and " + DLQ + " on Kafka at "
                    + bootstrapServers + ": " + (e.getCause() != null ? e.getCause() : e), e);
        }
    }
}
