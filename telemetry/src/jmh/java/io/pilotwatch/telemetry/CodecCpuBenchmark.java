package io.pilotwatch.telemetry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * The records and readers of {@link TelemetryCodecBenchmark}, timed by the thread's CPU time instead of the wall
 * clock: on a shared machine under load, JMH's wall-clock figures swing with the other processes, CPU time much less.
 * The two readers alternate round by round, so both run under the same conditions; every kind runs in the same JVM
 * (as in production, where the kinds come mixed). Prints the median CPU ns per decode over the rounds, per kind, form
 * and reader, and the tree/streaming ratio.
 *
 * <p>Arguments: {@code [rounds (default 15)] [decodes per round (default 20000)]}.
 */
public final class CodecCpuBenchmark {

    private static final String[] KINDS = {"unit", "cost", "state", "profile"};
    private static final String[] READERS = {"streaming", "tree"};

    private CodecCpuBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TelemetryCodecBenchmark[][] benches = new TelemetryCodecBenchmark[KINDS.length][READERS.length];
        for (int k = 0; k < KINDS.length; k++) {
            for (int r = 0; r < READERS.length; r++) {
                benches[k][r] = new TelemetryCodecBenchmark();
                benches[k][r].kind = KINDS[k];
                benches[k][r].reader = READERS[r];
                benches[k][r].generate();
            }
        }
        // [kind][form: 0 decode, 1 decodeNormalized][reader][round]
        double[][][][] nanosPerOp = new double[KINDS.length][2][READERS.length][rounds];
        int accepted = 0;
        for (int round = -3; round < rounds; round++) { // three rounds of warm-up
            for (int k = 0; k < KINDS.length; k++) {
                for (int form = 0; form < 2; form++) {
                    for (int r = 0; r < READERS.length; r++) {
                        TelemetryCodecBenchmark bench = benches[k][r];
                        ToIntFunction<TelemetryCodecBenchmark> op = form == 0
                                ? b -> b.decode() instanceof DecodeResult.Accepted ? 1 : 0
                                : b -> b.decodeNormalized() instanceof DecodeResult.Accepted ? 1 : 0;
                        long start = threads.getCurrentThreadCpuTime();
                        for (int i = 0; i < perRound; i++) {
                            accepted += op.applyAsInt(bench);
                        }
                        long cpu = threads.getCurrentThreadCpuTime() - start;
                        if (round >= 0) {
                            nanosPerOp[k][form][r][round] = (double) cpu / perRound;
                        }
                    }
                }
            }
        }
        System.out.printf("%-8s %-17s %14s %14s %8s%n", "kind", "form", "streaming ns", "tree ns", "ratio");
        for (int k = 0; k < KINDS.length; k++) {
            for (int form = 0; form < 2; form++) {
                double streaming = median(nanosPerOp[k][form][0]);
                double tree = median(nanosPerOp[k][form][1]);
                System.out.printf("%-8s %-17s %14.0f %14.0f %7.1fx%n", KINDS[k],
                        form == 0 ? "decode" : "decodeNormalized", streaming, tree, tree / streaming);
            }
        }
        System.out.println("(" + accepted + " decodes accepted; CPU time of this thread, median of " + rounds
                + " rounds of " + perRound + ")");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
