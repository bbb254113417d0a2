package io.pilotwatch.deploy.faults;

import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.DataSet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Template;

/**
 * Sparkplug B payloads for the hostile corpus, built with Tahu's generated protobuf classes rather than its model:
 * the model refuses some of what a broken device sends (a seq of 2^64-1, a timestamp in year 36 million), the wire
 * format does not. Datatype numbers are the specification's.
 */
final class SparkplugBytes {

    static final int INT32 = 3;
    static final int INT64 = 4;
    static final int DOUBLE = 10;
    static final int BOOLEAN = 11;
    static final int STRING = 12;
    static final int DATASET = 16;
    static final int TEMPLATE = 19;
    /** Alias of Machine/State in {@link #dbirth}. */
    static final long STATE_ALIAS = 5;

    private SparkplugBytes() {
    }

    static Payload.Builder payload(long timestamp, Long seq) {
        Payload.Builder builder = Payload.newBuilder().setTimestamp(timestamp);
        if (seq != null) {
            builder.setSeq(seq);
        }
        return builder;
    }

    static Metric.Builder metric(String name, long alias, int datatype) {
        Metric.Builder metric = Metric.newBuilder().setDatatype(datatype).setAlias(alias);
        return name == null ? metric : metric.setName(name);
    }

    static byte[] nbirth(long timestamp, Long seq, long bdSeq) {
        return payload(timestamp, seq)
                .addMetrics(Metric.newBuilder().setName("bdSeq").setDatatype(INT64).setLongValue(bdSeq))
                .addMetrics(Metric.newBuilder().setName("Node Control/Rebirth").setDatatype(BOOLEAN).setBooleanValue(false))
                .build().toByteArray();
    }

    static byte[] ndata(long timestamp, Long seq) {
        return payload(timestamp, seq)
                .addMetrics(Metric.newBuilder().setName("Node Control/Rebirth").setDatatype(BOOLEAN).setBooleanValue(false))
                .build().toByteArray();
    }

    static byte[] ndeath(long timestamp, Long seq, long bdSeq) {
        return payload(timestamp, seq)
                .addMetrics(Metric.newBuilder().setName("bdSeq").setDatatype(INT64).setLongValue(bdSeq))
                .build().toByteArray();
    }

    /** A device birth with a profile and the current state (running): two events when valid. */
    static Payload.Builder dbirthBuilder(long timestamp, Long seq) {
        return payload(timestamp, seq)
                .addMetrics(metric("Properties/Process", 1, STRING).setStringValue("assembly"))
                .addMetrics(metric("Properties/KeyProcess", 2, BOOLEAN).setBooleanValue(true))
                .addMetrics(metric("Properties/CNC", 3, BOOLEAN).setBooleanValue(false))
                .addMetrics(metric("Properties/IdealCycleSeconds", 4, DOUBLE).setDoubleValue(95.5))
                .addMetrics(metric("Machine/State", STATE_ALIAS, INT32).setIntValue(1));
    }

    static byte[] dbirth(long timestamp, Long seq) {
        return dbirthBuilder(timestamp, seq).build().toByteArray();
    }

    /** A state change to idle by alias: one event when valid. */
    static byte[] ddata(long timestamp, Long seq) {
        return payload(timestamp, seq).addMetrics(metric(null, STATE_ALIAS, INT32).setIntValue(2)).build().toByteArray();
    }

    static byte[] ddeath(long timestamp, Long seq) {
        return payload(timestamp, seq).build().toByteArray();
    }

    /** A Template metric holding a template holding ... {@code depth} levels down, a vendor metric at the bottom. */
    static Metric.Builder nestedTemplate(String name, long alias, int depth) {
        Metric.Builder inner = metric("Leaf", 0, INT32).setIntValue(7);
        for (int level = 0; level < depth; level++) {
            inner = metric("Level" + level, 0, TEMPLATE)
                    .setTemplateValue(Template.newBuilder().setVersion("1").addMetrics(inner));
        }
        return inner.setName(name).setAlias(alias);
    }

    /** A DataSet metric of {@code rows} rows of {@code columns} Int32 columns. */
    static Metric.Builder dataSet(String name, long alias, int rows, int columns) {
        DataSet.Builder set = DataSet.newBuilder().setNumOfColumns(columns);
        for (int c = 0; c < columns; c++) {
            set.addColumns("c" + c).addTypes(INT32);
        }
        for (int r = 0; r < rows; r++) {
            DataSet.Row.Builder row = DataSet.Row.newBuilder();
            for (int c = 0; c < columns; c++) {
                row.addElements(DataSet.DataSetValue.newBuilder().setIntValue(r * columns + c));
            }
            set.addRows(row);
        }
        return metric(name, alias, DATASET).setDatasetValue(set);
    }
}
