package io.pilotwatch.ingest.mqtt;

import java.util.ArrayList;
import java.util.List;

/** Reads a SUBACK against the filters subscribed, in their order. */
final class SubAcks {

    /** The lowest SUBACK return code that means failure (MQTT 3.1.1: 0x80; MQTT 5 reason codes are 0x80 or more). */
    static final int FAILURE = 0x80;

    private SubAcks() {
    }

    /**
     * What is wrong with the grant, one entry per filter not granted QoS 1 or more, naming the filter and the code
     * ({@code 'factory/v1/#' refused (0x80)}, {@code 'factory/v1/#' granted QoS 0 only}); empty if all is well.
     */
    static List<String> problems(List<String> filters, List<Integer> granted) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            String filter = "'" + filters.get(i) + "'";
            if (i >= granted.size()) {
                problems.add(filter + " not answered in the SUBACK");
                continue;
            }
            int code = granted.get(i);
            if (code >= FAILURE) {
                problems.add(filter + " refused (0x" + Integer.toHexString(code) + ")");
            } else if (code < 1) {
                problems.add(filter + " granted QoS " + code + " only");
            }
        }
        return problems;
    }
}
