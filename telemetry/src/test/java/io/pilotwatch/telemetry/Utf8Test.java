package io.pilotwatch.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8} finds exactly what the JDK's strict UTF-8 decoder finds, at the same position. */
class Utf8Test {

    private static final int[] EDGES = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
            0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};

    /** The position the JDK's decoder with REPORT stops at, or -1 if it decodes everything. */
    private static int jdk(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        return result.isError() ? in.position() : -1;
    }

    private static void assertSameAsJdk(byte[] bytes) {
        int expected = jdk(bytes);
        if (Utf8.firstMalformed(bytes) != expected) {
            assertThat(Utf8.firstMalformed(bytes)).as("%s", HexFormat.ofDelimiter(" ").formatHex(bytes))
                    .isEqualTo(expected);
        }
    }

    @Test
    void agreesWithTheJdkOnEveryTwoByteInput() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                assertSameAsJdk(new byte[] {(byte) a, (byte) b});
            }
        }
    }

    @Test
    void agreesWithTheJdkOnEveryLeadAndSecondByteWithEdgeContinuations() {
        for (int lead = 0x80; lead < 256; lead++) {
            for (int second = 0; second < 256; second++) {
                for (int third : EDGES) {
                    assertSameAsJdk(new byte[] {(byte) lead, (byte) second, (byte) third});
                    for (int fourth : lead < 0xF0 ? new int[0] : EDGES) {
                        assertSameAsJdk(new byte[] {'{', (byte) lead, (byte) second, (byte) third, (byte) fourth});
                    }
                }
            }
        }
    }

    @Test
    void agreesWithTheJdkOnRandomTextWithAsciiRuns() {
        Random random = new Random(7);
        String[] pieces = {"{\"seq\":1,\"ts\":\"2025-03-01T08:00:00Z\"}", "é", "杭州", "😀", "x"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            for (int flips = random.nextInt(3); flips > 0 && bytes.length > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) EDGES[random.nextInt(EDGES.length)];
            }
            if (random.nextBoolean() && bytes.length > 1) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            assertSameAsJdk(bytes);
        }
    }
}
