package io.pilotwatch.analytics.topology;

import java.util.Arrays;

/**
 * A set of sequence numbers held as sorted, disjoint, non-adjacent closed ranges {@code [lo, hi]}: any run of
 * consecutive numbers is one range (two longs), each gap adds one. Membership is a binary search, an in-order
 * number extends the last range in place. Mutable and not thread-safe: it lives in the stream thread's object
 * cache, changed in place and written down once per commit ({@link SeqRangesSerde}).
 */
final class SeqRanges {

    /** {@code lo0, hi0, lo1, hi1, ...}; only the first {@code 2 * ranges} are used. */
    private long[] bounds;
    private int ranges;

    SeqRanges() {
        this.bounds = new long[2];
    }

    private SeqRanges(long[] bounds, int ranges) {
        this.bounds = bounds;
        this.ranges = ranges;
    }

    /**
     * The set of the given ranges, as {@link #lo}/{@link #hi} list them.
     *
     * @throws IllegalArgumentException unless sorted, disjoint and non-adjacent, each with {@code lo <= hi}
     */
    static SeqRanges of(long[] bounds, int ranges) {
        if (ranges < 0 || bounds.length < 2 * ranges) {
            throw new IllegalArgumentException(ranges + " ranges need " + 2 * ranges + " bounds, got " + bounds.length);
        }
        for (int i = 0; i < ranges; i++) {
            long lo = bounds[2 * i];
            long hi = bounds[2 * i + 1];
            if (lo > hi || i > 0 && (lo <= bounds[2 * i - 1] || lo - bounds[2 * i - 1] == 1)) {
                throw new IllegalArgumentException("range " + i + " [" + lo + ", " + hi + "] is empty, out of order "
                        + "or adjacent to the one before");
            }
        }
        return new SeqRanges(Arrays.copyOf(bounds, Math.max(2, 2 * ranges)), ranges);
    }

    boolean contains(long seq) {
        int i = floor(seq);
        return i >= 0 && seq <= hi(i);
    }

    /** Adds {@code seq}; false when it was already there. */
    boolean add(long seq) {
        int i = floor(seq);
        if (i >= 0 && seq <= hi(i)) {
            return false;
        }
        // Here hi(i) < seq < lo(i + 1), so neither + 1 overflows.
        boolean joinsLeft = i >= 0 && hi(i) + 1 == seq;
        boolean joinsRight = i + 1 < ranges && seq + 1 == lo(i + 1);
        if (joinsLeft && joinsRight) {
            bounds[2 * i + 1] = hi(i + 1);
            remove(i + 1);
        } else if (joinsLeft) {
            bounds[2 * i + 1] = seq;
        } else if (joinsRight) {
            bounds[2 * (i + 1)] = seq;
        } else {
            insert(i + 1, seq);
        }
        return true;
    }

    int ranges() {
        return ranges;
    }

    long lo(int range) {
        return bounds[2 * range];
    }

    long hi(int range) {
        return bounds[2 * range + 1];
    }

    /** The last range starting at or before {@code seq}, -1 if none. In-order numbers take the first test. */
    private int floor(long seq) {
        if (ranges == 0 || seq >= lo(ranges - 1)) {
            return ranges - 1;
        }
        int low = 0;
        int high = ranges - 2;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (lo(mid) <= seq) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return high;
    }

    private void insert(int range, long seq) {
        if (2 * ranges + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, 2 * bounds.length);
        }
        System.arraycopy(bounds, 2 * range, bounds, 2 * range + 2, 2 * (ranges - range));
        bounds[2 * range] = seq;
        bounds[2 * range + 1] = seq;
        ranges++;
    }

    private void remove(int range) {
        System.arraycopy(bounds, 2 * range + 2, bounds, 2 * range, 2 * (ranges - range - 1));
        ranges--;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeqRanges that && ranges == that.ranges
                && Arrays.equals(bounds, 0, 2 * ranges, that.bounds, 0, 2 * ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(Arrays.copyOf(bounds, 2 * ranges));
    }

    /** For example {@code [0-41, 43-43, 45-99]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < ranges; i++) {
            text.append(i == 0 ? "" : ", ").append(lo(i)).append('-').append(hi(i));
        }
        return text.append(']').toString();
    }
}
