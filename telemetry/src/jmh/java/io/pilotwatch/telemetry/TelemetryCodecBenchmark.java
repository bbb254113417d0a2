package io.pilotwatch.telemetry;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per decode of realistic records ({@link SampleRecords}), one kind at a time, in both forms:
 * {@code decode} (the MQTT payload, as the ingest bridge decodes every message) and {@code decodeNormalized} (the
 * Kafka record, as the analytics source decodes every record). Each call takes the next of 512 different records.
 * {@code reader=streaming} is the codec; {@code reader=tree} is the codec as it was before the streaming reader
 * ({@link TreeCodec}, kept as the tests' oracle), for a before/after in the same run.
 * Run with {@code telemetry/bench/codec-benchmark} (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TelemetryCodecBenchmark {

    private static final int RECORDS = 512;

    /** The record kind; {@code unit} is about 85% of real traffic. */
    @Param({"unit", "cost", "state", "profile"})
    public String kind;

    /** {@code streaming}: the codec; {@code tree}: the codec before the streaming reader. */
    @Param({"streaming", "tree"})
    public String reader;

    private final TelemetryCodec codec = new TelemetryCodec();
    private final TreeCodec tree = new TreeCodec();
    private BiFunction<String, byte[], DecodeResult> decode;
    private Function<byte[], DecodeResult> decodeNormalized;
    private final String[] topics = new String[RECORDS];
    private final byte[][] payloads = new byte[RECORDS][];
    private final byte[][] normalized = new byte[RECORDS][];
    private int next;

    @Setup
    public void generate() {
        decode = reader.equals("tree") ? tree::decode : codec::decode;
        decodeNormalized = reader.equals("tree") ? tree::decodeNormalized : codec::decodeNormalized;
        Random random = new Random(42);
        Kind type = Kind.fromWireName(kind).orElseThrow();
        for (int i = 0; i < RECORDS; i++) {
            TelemetryEvent event = SampleRecords.event(type, random, 1000 + i);
            topics[i] = event.station().mqttTopic(type);
            payloads[i] = codec.encodePayload(event);
            normalized[i] = codec.encodeNormalized(event);
            if (!(decode.apply(topics[i], payloads[i]) instanceof DecodeResult.Accepted)
                    || !(decodeNormalized.apply(normalized[i]) instanceof DecodeResult.Accepted)) {
                throw new IllegalStateException("a sample record is rejected: " + event);
            }
        }
    }

    @Benchmark
    public DecodeResult decode() {
        int i = next++ & (RECORDS - 1);
        return decode.apply(topics[i], payloads[i]);
    }

    @Benchmark
    public DecodeResult decodeNormalized() {
        int i = next++ & (RECORDS - 1);
        return decodeNormalized.apply(normalized[i]);
    }
}
