package io.pilotwatch.analytics.topology;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The binary form of {@link SeqRanges} in the dedup store and its changelog. Layout:
 * <pre>
 *   byte    format (2)
 *   varint  number of ranges n
 *   n times varint distance (first range: its lo, zigzag; then lo - previous hi - 2), varint hi - lo
 * </pre>
 * Varints are unsigned LEB128 (7 bits a byte). A block of in-order ids takes a few bytes; with every other id
 * missing, about two bytes an id. Format 1 was the store's former value, one record per id holding the byte 1.
 */
final class SeqRangesSerde implements Serde<SeqRanges> {

    static final byte FORMAT = 2;
    /** The most bytes a varint of a long takes. */
    private static final int MAX_VARLONG = 10;

    @Override
    public Serializer<SeqRanges> serializer() {
        return (topic, seen) -> seen == null ? null : write(seen);
    }

    @Override
    public Deserializer<SeqRanges> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
    }

    static byte[] write(SeqRanges seen) {
        int ranges = seen.ranges();
        byte[] out = new byte[1 + MAX_VARLONG + 2 * MAX_VARLONG * ranges];
        out[0] = FORMAT;
        int at = writeVarlong(ranges, out, 1);
        for (int i = 0; i < ranges; i++) {
            long lo = seen.lo(i);
            long distance = i == 0 ? (lo << 1) ^ (lo >> 63) : lo - seen.hi(i - 1) - 2;
            at = writeVarlong(distance, out, at);
            at = writeVarlong(seen.hi(i) - lo, out, at);
        }
        return Arrays.copyOf(out, at);
    }

    static SeqRanges read(String topic, byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new SerializationException("seen ids in " + topic + " are in format "
                    + (bytes.length == 0 ? "none" : bytes[0]) + ", expected " + FORMAT + (bytes.length == 1
                    && bytes[0] == 1 ? ": state of an older version (one record per id); reset the application's "
                    + "state or start it with a new application id" : ""));
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
            long ranges = readVarlong(in);
            // Each range takes at least two bytes: a corrupt count must not allocate gigabytes.
            if (ranges < 0 || ranges > in.remaining() / 2) {
                throw new SerializationException(ranges + " ranges cannot fit in " + bytes.length + " bytes");
            }
            long[] bounds = new long[(int) (2 * ranges)];
            for (int i = 0; i < ranges; i++) {
                long distance = readVarlong(in);
                long lo = i == 0 ? (distance >>> 1) ^ -(distance & 1) : bounds[2 * i - 1] + 2 + distance;
                bounds[2 * i] = lo;
                bounds[2 * i + 1] = lo + readVarlong(in);
            }
            if (in.hasRemaining()) {
                throw new SerializationException(in.remaining() + " bytes after the last range");
            }
            return SeqRanges.of(bounds, (int) ranges);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("corrupt seen ids in " + topic + ": " + e.getMessage(), e);
        }
    }

    private static int writeVarlong(long value, byte[] out, int at) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out[at++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out[at++] = (byte) rest;
        return at;
    }

    private static long readVarlong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte next = in.get();
            value |= (long) (next & 0x7F) << shift;
            if (next >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a varint longer than " + MAX_VARLONG + " bytes");
    }
}
