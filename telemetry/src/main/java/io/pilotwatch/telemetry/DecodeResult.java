package io.pilotwatch.telemetry;

import java.util.Objects;

/** The outcome of decoding one message: either an accepted event or a rejection with its reason. */
public sealed interface DecodeResult permits DecodeResult.Accepted, DecodeResult.Rejected {

    /** A valid message. */
    record Accepted(TelemetryEvent event) implements DecodeResult {
        public Accepted {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * An invalid message.
     *
     * @param reason one of the closed set of reasons
     * @param detail which field or limit, for an operator to act on; never contains the whole payload
     */
    record Rejected(RejectReason reason, String detail) implements DecodeResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
