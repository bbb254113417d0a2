package io.pilotwatch.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Memory per connection: the live heap read from a class histogram, and the per-connection arithmetic. */
class ConnectionMemoryTest {

    /** The head and tail of a real {@code jcmd <pid> GC.class_histogram} (JDK 17), rows elided. */
    private static final String HISTOGRAM = """
            14483:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         26421       42063152  [Ljava.lang.Object; (java.base@17.0.15)
               2:         68366        7612312  [B (java.base@17.0.15)
            3761:             1             16  sun.util.resources.provider.NonBaseLocaleDataMetaInfo
            Total        382721       81232560
            """;

    @Test
    void liveHeapIsTheHistogramsTotal() throws IOException {
        // Checked failing with the instances column (fields[1]) read instead of the bytes.
        assertThat(ConnectionMemory.histogramTotalBytes(HISTOGRAM)).isEqualTo(81_232_560L);
    }

    @Test
    void aHistogramWithoutTotalIsAnError() {
        assertThatThrownBy(() -> ConnectionMemory.histogramTotalBytes("14483:\nCould not attach\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("no Total line");
    }

    @Test
    void perConnectionIsTheGrowthOverTheBaselineDividedByTheConnections() {
        ConnectionMemory.Sample baseline = new ConnectionMemory.Sample(16_000_000, 300_000, 170_000_000);
        ConnectionMemory small = new ConnectionMemory(1_000, baseline,
                new ConnectionMemory.Sample(24_000_000, 2_600_000, 176_000_000),
                new ConnectionMemory.Sample(27_000_000, 2_800_000, 210_000_000), 1_000);
        ConnectionMemory large = new ConnectionMemory(10_000, baseline,
                new ConnectionMemory.Sample(102_000_000, 2_800_000, 267_500_000),
                new ConnectionMemory.Sample(180_000_000, 3_700_000, 420_000_000), 10_000);

        // By hand: (24,000,000 - 16,000,000) / 1,000 = 8,000; (176,000,000 - 170,000,000) / 1,000 = 6,000.
        assertThat(small.idlePerConnection()).isEqualTo(new ConnectionMemory.Sample(8_000, 2_300, 6_000));
        // Marginal, idle: (102,000,000 - 24,000,000) / 9,000 = 8,666; (267,500,000 - 176,000,000) / 9,000 = 10,166.
        assertThat(ConnectionMemory.marginal(small, large, false))
                .isEqualTo(new ConnectionMemory.Sample(8_666, 22, 10_166));
        // Active: (180,000,000 - 27,000,000) / 9,000 = 17,000.
        assertThat(ConnectionMemory.marginal(small, large, true).heapAfterGcBytes()).isEqualTo(17_000);
    }
}
