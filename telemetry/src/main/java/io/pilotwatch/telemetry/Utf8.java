package io.pilotwatch.telemetry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation without decoding. Jackson's parser accepts some malformed UTF-8, such as the overlong
 * {@code C0 AF} for '/', a classic way to slip characters past filters, so every payload is checked first.
 *
 * <p>The rules are Unicode's well-formed byte sequences (Table 3-7): no overlong forms, no surrogates
 * ({@code ED A0..BF}), nothing above U+10FFFF, no truncated sequence. The JDK's UTF-8 decoder with
 * {@code CodingErrorAction.REPORT} applies the same rules and reports the same position (the first byte of the first
 * ill-formed sequence); this check does it without allocating a decoder and a char buffer per message, and skips
 * ASCII eight bytes at a time.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** The index of the first byte of the first ill-formed sequence, or -1 if all of {@code bytes} is UTF-8. */
    static int firstMalformed(byte[] bytes) {
        int length = bytes.length;
        int i = 0;
        while (i < length) {
            if (i + Long.BYTES <= length && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
                continue;
            }
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int sequence = sequenceLength(bytes, i, lead);
            if (sequence == 0) {
                return i;
            }
            i += sequence;
        }
        return -1;
    }

    /** The length of the well-formed sequence starting at {@code i} with a non-ASCII {@code lead}, or 0. */
    private static int sequenceLength(byte[] bytes, int i, int lead) {
        int continuations;
        int secondMin = 0x80;
        int secondMax = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuations = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuations = 2;
            secondMin = lead == 0xE0 ? 0xA0 : secondMin; // shorter than 3 bytes would do: overlong
            secondMax = lead == 0xED ? 0x9F : secondMax; // U+D800..U+DFFF: surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuations = 3;
            secondMin = lead == 0xF0 ? 0x90 : secondMin; // overlong
            secondMax = lead == 0xF4 ? 0x8F : secondMax; // above U+10FFFF
        } else {
            return 0; // a continuation byte, C0/C1 (overlong) or F5..FF
        }
        if (i + continuations >= bytes.length) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < secondMin || second > secondMax) {
            return 0;
        }
        for (int k = 2; k <= continuations; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return continuations + 1;
    }
}
