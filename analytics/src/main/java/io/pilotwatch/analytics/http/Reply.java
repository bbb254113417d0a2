package io.pilotwatch.analytics.http;

/**
 * An HTTP answer computed off the event loop.
 *
 * @param etag the body's entity tag (quoted), or null; a request whose If-None-Match has it gets a 304
 */
record Reply(int status, String contentType, String body, String etag) {

    Reply(int status, String contentType, String body) {
        this(status, contentType, body, null);
    }

    static Reply ok(String contentType, String body) {
        return new Reply(200, contentType, body);
    }
}
