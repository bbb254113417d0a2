package io.pilotwatch.simulator.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from the run's seed and a name ({@code "hz-gearbox/l1/s3"},
 * {@code "faults/duplicates"}). A stream depends only on the seed and its name, so adding a plant, a clone or
 * a fault does not change any other stream.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The stream called {@code name} of run {@code seed}. */
    public static SplittableRandom stream(long seed, String name) {
        return new SplittableRandom(mix(seed ^ fnv1a(name)));
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finalizer: neighbouring seeds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
