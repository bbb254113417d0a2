package io.pilotwatch.deploy.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ingest bridge's producer and the analytics application must agree on a plant's partition: records the
 * bridge wrote are processed where they are only if the analytics computes the same partition for them.
 */
class PlantPartitioningTest {

    @Test
    void bridgeAndAnalyticsPutEveryPlantInTheSamePartition() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            String plant = randomId(random);
            byte[] key = (plant + "/" + randomId(random)).getBytes(StandardCharsets.UTF_8);
            int partitions = 1 + random.nextInt(64);
            int bridge = io.pilotwatch.ingest.forward.PlantPartitioner.partitionOf(key, partitions);
            assertThat(io.pilotwatch.analytics.topology.PlantPartitioner.partitionOf(key, partitions))
                    .as("partition of %s among %d", plant, partitions).isEqualTo(bridge);
            byte[] otherLine = (plant + "/" + randomId(random)).getBytes(StandardCharsets.UTF_8);
            assertThat(io.pilotwatch.ingest.forward.PlantPartitioner.partitionOf(otherLine, partitions))
                    .isEqualTo(bridge);
        }
    }

    /** A valid plant or line id: lower-case letters, digits and dashes, starting with a letter. */
    private static String randomId(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        StringBuilder id = new StringBuilder().append((char) ('a' + random.nextInt(26)));
        for (int i = random.nextInt(20); i > 0; i--) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
