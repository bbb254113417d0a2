package io.pilotwatch.simulator.truth;

import java.util.Arrays;

/** A growable list of longs without boxing: one production cycle per unit adds up to millions. */
final class LongList {

    private long[] values = new long[64];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(LongList other) {
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, Math.max(size + other.size, size * 2));
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    int size() {
        return size;
    }

    /** A sorted copy of the values. */
    long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
