package io.pilotwatch.analytics.topology;

import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.Kind;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.RejectReason;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The binary form of {@link Classified} on the repartition topic: about a tenth of the cost of the JSON it
 * replaces to read, and nothing to validate again. Layout (big-endian):
 * <pre>
 *   byte  format (1)
 *   byte  0 = usable: str plant, str line, str station, long seq, long boot, long ts, byte kind, fact
 *         1 = unusable: str reason (wire name), str detail
 *   bytes raw value (int length, -1 for none)
 *   fact: unit    long startedAt, long completedAt, byte result
 *         profile byte keyProcess, byte cnc, double idealCycleSeconds
 *         state   byte state
 *         cost    byte category, decimal amount, byte hasEnergy, [decimal energyKwh]
 *   str: int length + UTF-8; decimal: int scale + int length + unscaled two's-complement bytes
 * </pre>
 * Enums travel by ordinal: both ends are this build (the topic is internal and the format byte guards changes).
 */
public final class ClassifiedSerde implements Serde<Classified> {

    static final byte FORMAT = 1;
    private static final byte USABLE = 0;
    private static final byte UNUSABLE = 1;

    @Override
    public Serializer<Classified> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    @Override
    public Deserializer<Classified> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return read(ByteBuffer.wrap(bytes));
            } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new SerializationException("cannot read a classified telemetry record from " + topic + ": " + e, e);
            }
        };
    }

    static byte[] write(Classified value) {
        Writer out = new Writer(64 + (value.raw() == null ? 0 : value.raw().length));
        out.put(FORMAT);
        if (value.outcome() instanceof Classifier.Usable usable) {
            KpiEvent event = usable.event();
            out.put(USABLE);
            out.putString(event.plant());
            out.putString(event.line());
            out.putString(event.station());
            out.putLong(event.seq());
            out.putLong(event.boot());
            out.putLong(event.tsMillis());
            out.put((byte) event.kind().ordinal());
            writeFact(out, event.fact());
        } else {
            Classifier.Unusable unusable = (Classifier.Unusable) value.outcome();
            out.put(UNUSABLE);
            out.putString(unusable.reason().wireName());
            out.putString(unusable.detail());
        }
        out.putBytes(value.raw());
        return out.toBytes();
    }

    private static void writeFact(Writer out, KpiEvent.Fact fact) {
        if (fact instanceof KpiEvent.Unit unit) {
            out.putLong(unit.startedAtMillis());
            out.putLong(unit.completedAtMillis());
            out.put((byte) unit.result().ordinal());
        } else if (fact instanceof KpiEvent.Profile profile) {
            out.put((byte) (profile.keyProcess() ? 1 : 0));
            out.put((byte) (profile.cnc() ? 1 : 0));
            out.putDouble(profile.idealCycleSeconds());
        } else if (fact instanceof KpiEvent.State state) {
            out.put((byte) state.state().ordinal());
        } else {
            KpiEvent.Cost cost = (KpiEvent.Cost) fact;
            out.put((byte) cost.category().ordinal());
            out.putDecimal(cost.amount());
            out.put((byte) (cost.energyKwh().isPresent() ? 1 : 0));
            cost.energyKwh().ifPresent(out::putDecimal);
        }
    }

    static Classified read(ByteBuffer in) {
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown format " + format);
        }
        byte tag = in.get();
        Classifier.Outcome outcome;
        if (tag == USABLE) {
            String plant = string(in);
            String line = string(in);
            String station = string(in);
            long seq = in.getLong();
            long boot = in.getLong();
            long ts = in.getLong();
            Kind kind = Kind.values()[in.get()];
            outcome = new Classifier.Usable(new KpiEvent(plant, line, station, seq, boot, ts, readFact(in, kind)));
        } else if (tag == UNUSABLE) {
            String reason = string(in);
            RejectReason rejectReason = Arrays.stream(RejectReason.values())
                    .filter(r -> r.wireName().equals(reason)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown reason " + reason));
            outcome = new Classifier.Unusable(rejectReason, string(in));
        } else {
            throw new IllegalArgumentException("unknown tag " + tag);
        }
        int length = in.getInt();
        byte[] raw = null;
        if (length >= 0) {
            raw = new byte[length];
            in.get(raw);
        }
        return new Classified(outcome, raw);
    }

    private static KpiEvent.Fact readFact(ByteBuffer in, Kind kind) {
        return switch (kind) {
            case UNIT -> new KpiEvent.Unit(in.getLong(), in.getLong(), UnitResult.values()[in.get()]);
            case PROFILE -> new KpiEvent.Profile(in.get() == 1, in.get() == 1, in.getDouble());
            case STATE -> new KpiEvent.State(MachineState.values()[in.get()]);
            case COST -> new KpiEvent.Cost(CostCategory.values()[in.get()], decimal(in),
                    in.get() == 1 ? Optional.of(decimal(in)) : Optional.empty());
        };
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static BigDecimal decimal(ByteBuffer in) {
        int scale = in.getInt();
        byte[] unscaled = new byte[in.getInt()];
        in.get(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    /** A growable big-endian buffer. */
    private static final class Writer {
        private ByteBuffer buffer;

        Writer(int capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }

        void put(byte b) {
            ensure(1).put(b);
        }

        void putLong(long v) {
            ensure(8).putLong(v);
        }

        void putDouble(double v) {
            ensure(8).putDouble(v);
        }

        void putString(String s) {
            putBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void putDecimal(BigDecimal d) {
            ensure(4).putInt(d.scale());
            putBytes(d.unscaledValue().toByteArray());
        }

        void putBytes(byte[] bytes) {
            if (bytes == null) {
                ensure(4).putInt(-1);
                return;
            }
            ensure(4 + bytes.length).putInt(bytes.length).put(bytes);
        }

        private ByteBuffer ensure(int more) {
            if (buffer.remaining() < more) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
            return buffer;
        }

        byte[] toBytes() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }
}
