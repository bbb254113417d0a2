package io.pilotwatch.ingest.sparkplug;

import java.util.Optional;
import org.eclipse.tahu.message.model.MessageType;
import org.eclipse.tahu.message.model.Topic;
import org.eclipse.tahu.util.TopicUtil;

/**
 * A parsed Sparkplug B topic {@code spBv1.0/{group}/{type}/{edge node}[/{device}]} (parsing is Tahu's).
 *
 * @param group    the group id
 * @param type     the message type
 * @param edgeNode the edge node id
 * @param device   the device id, for D* messages
 */
public record SparkplugTopic(String group, MessageType type, String edgeNode, Optional<String> device) {

    /** The namespace every Sparkplug B topic starts with. */
    public static final String PREFIX = "spBv1.0/";

    /** True if the topic is in the Sparkplug B namespace (whether or not it is well formed). */
    public static boolean isSparkplug(String topic) {
        return topic != null && topic.startsWith(PREFIX);
    }

    /**
     * Parses a topic of an edge node or device. STATE and other host topics are not parsed here.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SparkplugTopic parse(String topic) {
        Topic parsed;
        try {
            parsed = TopicUtil.parseTopic(topic);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a Sparkplug B topic spBv1.0/{group}/{type}/{edge node}"
                    + "[/{device}]: " + e.getMessage());
        }
        if (parsed == null || parsed.getType() == null || parsed.getType() == MessageType.STATE
                || parsed.getGroupId() == null || parsed.getEdgeNodeId() == null) {
            throw new IllegalArgumentException("not an edge node or device topic");
        }
        boolean deviceType = parsed.getType() == MessageType.DBIRTH || parsed.getType() == MessageType.DDATA
                || parsed.getType() == MessageType.DDEATH || parsed.getType() == MessageType.DCMD;
        Optional<String> device = Optional.ofNullable(parsed.getDeviceId());
        if (deviceType != device.isPresent()) {
            throw new IllegalArgumentException(parsed.getType() + (deviceType ? " needs" : " has no")
                    + " a device id segment");
        }
        return new SparkplugTopic(parsed.getGroupId(), parsed.getType(), parsed.getEdgeNodeId(), device);
    }

    /** {@code group/edge node}: the key of an edge node's session. */
    public String nodeKey() {
        return group + "/" + edgeNode;
    }
}
