package io.pilotwatch.analytics.kpi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A mergeable sketch of production cycles in milliseconds: an HdrHistogram with 3 significant digits.
 * One per line and plant-local month in the state store; a plant's or a year's sketch is the merge.
 *
 * <p>Percentiles follow the ground truth's nearest-rank definition (rank {@code ceil(p/100 · n)}), read
 * from the bucket holding that rank and reported as the bucket's middle. So a reported percentile is
 * within half a bucket of the exact one: exact below 2,048 ms, and at most 1/2,048 (0.049%) off above.
 */
public final class CycleSketch {

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final ThreadLocal<ByteBuffer> ENCODE_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(0));

    private final Histogram histogram;

    public CycleSketch() {
        histogram = new Histogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
    }

    private CycleSketch(Histogram histogram) {
        this.histogram = histogram;
    }

    public void record(long cycleMillis) {
        histogram.recordValue(cycleMillis);
    }

    public CycleSketch merge(CycleSketch other) {
        histogram.add(other.histogram);
        return this;
    }

    /** Adds the cycles of {@code recorded}: the same as merging the sketch it was copied from. */
    public CycleSketch merge(Recorded recorded) {
        // Highest first: the histogram grows once.
        for (int i = recorded.values.length - 1; i >= 0; i--) {
            histogram.recordValueWithCount(recorded.values[i], recorded.counts[i]);
        }
        return this;
    }

    /** An immutable copy of the buckets that hold cycles, for keeping a sketch that no longer changes. */
    public Recorded recorded() {
        int buckets = 0;
        long[] values = new long[64];
        long[] counts = new long[64];
        for (HistogramIterationValue value : histogram.recordedValues()) {
            if (buckets == values.length) {
                values = Arrays.copyOf(values, buckets * 2);
                counts = Arrays.copyOf(counts, buckets * 2);
            }
            // Any value of a bucket records into that bucket again.
            values[buckets] = value.getValueIteratedTo();
            counts[buckets] = value.getCountAtValueIteratedTo();
            buckets++;
        }
        return new Recorded(Arrays.copyOf(values, buckets), Arrays.copyOf(counts, buckets));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /**
     * The nearest-rank percentile in milliseconds.
     *
     * @param percentile greater than 0, at most 100
     * @throws IllegalStateException if the sketch is empty
     */
    public long percentileMillis(int percentile) {
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        long n = histogram.getTotalCount();
        if (n == 0) {
            throw new IllegalStateException("no cycles recorded");
        }
        long rank = Math.max(1, (percentile * n + 99) / 100);
        long seen = 0;
        for (HistogramIterationValue value : histogram.recordedValues()) {
            seen += value.getCountAtValueIteratedTo();
            if (seen >= rank) {
                return histogram.medianEquivalentValue(value.getValueIteratedTo());
            }
        }
        throw new IllegalStateException("histogram counts are inconsistent");
    }

    public byte[] toBytes() {
        // The encoder wants room for every bucket uncompressed (tens of KB) and writes a few hundred bytes: one
        // buffer per thread serves every sketch the thread writes (each dirty sketch at every commit).
        int needed = histogram.getNeededByteBufferCapacity();
        ByteBuffer buffer = ENCODE_BUFFER.get();
        if (buffer.capacity() < needed) {
            buffer = ByteBuffer.allocate(Math.max(needed, 2 * buffer.capacity()));
            ENCODE_BUFFER.set(buffer);
        }
        buffer.clear();
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /**
     * The non-empty buckets of a sketch, a value and a count each: memory for those only, where a sketch's
     * counts array spans every bucket up to its largest value (tens of KB), and merged in time proportional to them.
     */
    public static final class Recorded {

        private final long[] values;
        private final long[] counts;

        private Recorded(long[] values, long[] counts) {
            this.values = values;
            this.counts = counts;
        }

        /** About the memory this copy takes. */
        public long bytes() {
            return 48 + 16L * values.length;
        }
    }

    public static CycleSketch fromBytes(byte[] bytes) {
        try {
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            histogram.setAutoResize(true);
            return new CycleSketch(histogram);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not an encoded cycle sketch: " + e.getMessage(), e);
        }
    }
}
