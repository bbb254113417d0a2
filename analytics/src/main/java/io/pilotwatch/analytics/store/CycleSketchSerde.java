package io.pilotwatch.analytics.store;

import io.pilotwatch.analytics.kpi.CycleSketch;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A cycle sketch as HdrHistogram's compressed encoding (the format the sketch store has always held). */
public final class CycleSketchSerde implements Serde<CycleSketch> {

    @Override
    public Serializer<CycleSketch> serializer() {
        return (topic, sketch) -> sketch == null ? null : sketch.toBytes();
    }

    @Override
    public Deserializer<CycleSketch> deserializer() {
        return (topic, bytes) -> bytes == null ? null : CycleSketch.fromBytes(bytes);
    }
}
