package io.pilotwatch.telemetry;

/**
 * Thrown inside the codec when a message breaks the contract; the codec turns it into a
 * {@link DecodeResult.Rejected}, so it never reaches callers. No stack trace: it is control flow
 * on a hot path that sees hostile input.
 */
final class Invalid extends RuntimeException {

    private final RejectReason reason;

    Invalid(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }

    DecodeResult.Rejected toResult() {
        return new DecodeResult.Rejected(reason, getMessage());
    }
}
