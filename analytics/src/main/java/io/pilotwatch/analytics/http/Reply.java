package io.pilotwatch.analytics.http;

/** An HTTP answer computed off the event loop. */
record Reply(int status, String contentType, String body) {

    static Reply ok(String contentType, String body) {
        return new Reply(200, contentType, body);
    }
}
