package io.pilotwatch.ingest.sparkplug;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/** The NCMD a primary host sends to ask an edge node for a new NBIRTH and DBIRTHs (encoded by Tahu). */
public final class RebirthCommand {

    /** The metric of the request, as the specification names it. */
    public static final String METRIC = "Node Control/Rebirth";

    private RebirthCommand() {
    }

    public static String topic(SparkplugHost.EdgeNode node) {
        return SparkplugTopic.PREFIX + node.group() + "/NCMD/" + node.edgeNode();
    }

    public static byte[] payload(Instant now) {
        try {
            Metric rebirth = new Metric.MetricBuilder(METRIC, MetricDataType.Boolean, true).createMetric();
            SparkplugBPayload payload = new SparkplugBPayload.SparkplugBPayloadBuilder()
                    .setTimestamp(Date.from(now)).addMetric(rebirth).createPayload();
            return new SparkplugBPayloadEncoder().getBytes(payload, false);
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException("a Boolean metric with a boolean value was refused", e);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory failed", e);
        }
    }
}
