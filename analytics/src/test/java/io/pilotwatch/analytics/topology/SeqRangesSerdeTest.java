package io.pilotwatch.analytics.topology;

import static io.pilotwatch.analytics.topology.SeqRangesTest.ranges;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SeqRangesSerdeTest {

    private final SeqRangesSerde serde = new SeqRangesSerde();

    @Test
    void rangesComeBackAsTheyWere() {
        assertRoundTrip(new SeqRanges());
        assertRoundTrip(ranges(0));
        assertRoundTrip(ranges(1, 2, 3, 5, 9, 10, 1023));
        assertRoundTrip(ranges(Long.MIN_VALUE, -1, 0, Long.MAX_VALUE - 1, Long.MAX_VALUE));
        Random random = new Random(3);
        SeqRanges many = new SeqRanges();
        for (int i = 0; i < 2000; i++) {
            many.add(random.nextLong(1_000_000_000_000L));
        }
        assertRoundTrip(many);
    }

    @Test
    void aBlockOfInOrderIdsTakesAFewBytes() {
        SeqRanges block = new SeqRanges();
        for (long seq = 5 * 1024; seq < 6 * 1024; seq++) {
            block.add(seq);
        }

        assertThat(write(block)).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void aBlockWithEveryOtherIdMissingTakesAboutTwoBytesAnId() {
        SeqRanges block = new SeqRanges();
        for (long seq = 5 * 1024; seq < 6 * 1024; seq += 2) {
            block.add(seq);
        }

        assertThat(block.ranges()).isEqualTo(512);
        assertThat(write(block)).hasSizeLessThanOrEqualTo(2 * 512 + 6);
    }

    @Test
    void theFormerValueOfOneRecordPerIdIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> read(new byte[] {1})).isInstanceOf(SerializationException.class)
                .hasMessageContaining("older version").hasMessageContaining("new application id");
    }

    @Test
    void truncatedOrTrailingBytesAreRefused() {
        byte[] bytes = write(ranges(1, 2, 3, 300, 70_000));

        assertThatThrownBy(() -> read(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> read(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> read(new byte[] {SeqRangesSerde.FORMAT, (byte) 0xff, (byte) 0xff, 0x7f}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cannot fit");
    }

    @Test
    void nullIsATombstone() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    private void assertRoundTrip(SeqRanges seen) {
        SeqRanges back = read(write(seen));
        assertThat(back).isEqualTo(seen).hasToString(seen.toString());
    }

    private byte[] write(SeqRanges seen) {
        return serde.serializer().serialize("t", seen);
    }

    private SeqRanges read(byte[] bytes) {
        return serde.deserializer().deserialize("t", bytes);
    }
}
