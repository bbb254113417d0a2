package io.pilotwatch.analytics.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request with a reply computed on a worker thread (state store reads block), never on the event
 * loop: 503 while the stores are not queryable, 500 with the cause otherwise.
 */
final class BlockingReplies {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingReplies.class);

    private final Vertx vertx;

    BlockingReplies(Vertx vertx) {
        this.vertx = vertx;
    }

    void reply(RoutingContext ctx, Callable<Reply> compute) {
        vertx.executeBlocking(compute, false).onComplete(result -> {
            if (result.succeeded()) {
                Reply reply = result.result();
                if (reply.etag() != null) {
                    ctx.response().putHeader("etag", reply.etag());
                    if (reply.etag().equals(ctx.request().getHeader("if-none-match"))) {
                        ctx.response().setStatusCode(304).end();
                        return;
                    }
                }
                ctx.response().setStatusCode(reply.status()).putHeader("content-type", reply.contentType())
                        .end(reply.body());
            } else if (result.cause() instanceof InvalidStateStoreException) {
                ctx.response().setStatusCode(503).putHeader("content-type", "text/plain; charset=utf-8")
                        .putHeader("retry-after", "2")
                        .end("state not queryable yet (starting or rebalancing): " + result.cause().getMessage());
            } else if (result.cause() instanceof ScorecardsUnavailableException) {
                ctx.response().setStatusCode(503).putHeader("content-type", "text/plain; charset=utf-8")
                        .putHeader("retry-after", "2")
                        .end("the scorecard of every plant cannot be given right now: " + result.cause().getMessage());
            } else {
                LOG.error("Request {} failed", ctx.request().path(), result.cause());
                ctx.response().setStatusCode(500).putHeader("content-type", "text/plain; charset=utf-8")
                        .end("internal error: " + result.cause().getMessage());
            }
        });
    }
}
