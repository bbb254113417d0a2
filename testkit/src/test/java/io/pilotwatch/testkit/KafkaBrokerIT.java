package io.pilotwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@RealBrokers
class KafkaBrokerIT {

    @Test
    void recordProducedBeforeKillIsConsumedAfterRestart(KafkaBroker kafka) throws Exception {
        kafka.createTopic("killed", 1);
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>("killed", "line-7", "{\"temp\":21.5}")).get(30, TimeUnit.SECONDS);
        }

        kafka.kill();
        assertThat(kafka.isRunning()).isFalse();
        kafka.restart();

        List<ConsumerRecord<String, String>> records = readAll(kafka, new TopicPartition("killed", 0), 1);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("line-7");
            assertThat(record.value()).isEqualTo("{\"temp\":21.5}");
        });
    }

    @Test
    void aBrokerStartedInADataDirectoryKeepsItsTopicsAndPortForTheNextStart(@org.junit.jupiter.api.io.TempDir
                                                                              java.nio.file.Path dir) throws Exception {
        String address;
        try (KafkaBroker first = Brokers.startKafka(dir.resolve("kafka"), 0)) {
            address = first.bootstrapServers();
            first.createTopic("kept", 1);
            try (KafkaProducer<String, String> producer = producer(first)) {
                producer.send(new ProducerRecord<>("kept", "k", "v")).get(30, TimeUnit.SECONDS);
            }
            first.stop();
            // A new broker process on the same directory, as at the local stack's next start.
            KafkaBroker second = Brokers.startKafka(dir.resolve("kafka"), 0);
            try {
                assertThat(second.bootstrapServers()).isEqualTo(address);
                assertThat(readAll(second, new TopicPartition("kept", 0), 1)).singleElement()
                        .satisfies(record -> assertThat(record.value()).isEqualTo("v"));
            } finally {
                second.stop();
            }
        }
        assertThat(dir.resolve("kafka")).as("close() of a broker deletes its directory").doesNotExist();
    }

    @Test
    void stopAndRestartKeepsTopicsAndRecordsOnTheSameAddress(KafkaBroker kafka) throws Exception {
        String address = kafka.bootstrapServers();
        long pidBefore = kafka.pid();
        kafka.createTopic("stopped", 3);
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("stopped", i % 3, "key-" + i, "value-" + i)).get(30, TimeUnit.SECONDS);
            }
        }

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        kafka.restart();

        assertThat(kafka.bootstrapServers()).isEqualTo(address);
        assertThat(kafka.pid()).isNotEqualTo(pidBefore);
        List<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(p -> new TopicPartition("stopped", p)).toList();
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            assertThat(endOffsets.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
        }
    }

    @Test
    void freezeStopsAnsweringAndThawResumes(KafkaBroker kafka) throws Exception {
        Map<String, Object> impatient = kafka.clientConfig();
        impatient.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        impatient.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_500);

        kafka.freeze();
        assertThat(kafka.isRunning()).isFalse();
        try (Admin admin = Admin.create(impatient)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }

        kafka.thaw();
        assertThat(kafka.isRunning()).isTrue();
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    private static KafkaProducer<String, String> producer(KafkaBroker kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads the partition from the beginning until at least {@code expected} records arrived. */
    private static List<ConsumerRecord<String, String>> readAll(KafkaBroker kafka, TopicPartition partition, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
