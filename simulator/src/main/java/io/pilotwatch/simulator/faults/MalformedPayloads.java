package io.pilotwatch.simulator.faults;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Broken variants of a valid payload, each rejected by the contract for a different reason: cut JSON
 * ({@code bad_json}), {@code seq} as a string or the object in an array ({@code bad_type}), {@code seq}
 * missing ({@code missing_field}), a negative {@code seq} ({@code out_of_range}), a {@code ts} without offset
 * ({@code bad_value}). They rely on the codec writing {@code seq} first and {@code ts} as a UTC string.
 */
public final class MalformedPayloads {

    /** The number of variants. */
    public static final int VARIANTS = 6;

    private MalformedPayloads() {
    }

    /** Variant {@code variant} (0 to {@link #VARIANTS} - 1) of {@code valid}. */
    public static byte[] breakPayload(byte[] valid, int variant) {
        String json = new String(valid, StandardCharsets.UTF_8);
        String broken = switch (variant) {
            case 0 -> json.substring(0, json.length() / 2);
            case 1 -> json.replaceFirst("\"seq\":(\\d+)", "\"seq\":\"$1\"");
            case 2 -> "[" + json + "]";
            case 3 -> json.replaceFirst("\"seq\":\\d+,", "");
            case 4 -> json.replaceFirst("\"seq\":\\d+", "\"seq\":-1");
            case 5 -> json.replaceFirst("\"ts\":\"([^\"]*)Z\"", "\"ts\":\"$1\"");
            default -> throw new IllegalArgumentException("no malformed variant " + variant);
        };
        byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(bytes, valid)) {
            throw new IllegalStateException("variant " + variant + " did not change the payload");
        }
        return bytes;
    }
}
