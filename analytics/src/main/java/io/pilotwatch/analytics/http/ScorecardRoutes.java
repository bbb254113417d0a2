package io.pilotwatch.analytics.http;

import io.pilotwatch.analytics.programme.ProgrammeBuilder;
import io.pilotwatch.analytics.programme.ProgrammeCsv;
import io.pilotwatch.analytics.programme.ProgrammeJson;
import io.pilotwatch.analytics.scorecard.ScorecardWire;
import io.pilotwatch.analytics.scorecard.PlantDetail;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardCsv;
import io.pilotwatch.analytics.scorecard.ScorecardJson;
import io.pilotwatch.analytics.web.ScorecardPages;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The scorecard's pages ({@code /scorecard}, {@code /scorecard/programme}, {@code /scorecard/plants/{plant}}, each
 * with a {@code /content} twin that the page polls), its exports ({@code /api/v1/scorecard}, {@code .csv},
 * {@code /plants/{plant}}, {@code /api/v1/programme}, {@code .csv}) and the page's stylesheet and script. Pages may load nothing but this service's own files (CSP).
 */
final class ScorecardRoutes {

    static final String HTML = "text/html; charset=utf-8";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final OperationsServer.ScorecardSource source;
    private final ScorecardPages pages;
    private final ProgrammeBuilder programme;
    private final BlockingReplies replies;
    private final String css = resource("web/scorecard.css");
    private final String script = resource("web/scorecard.js");
    private final String icon = resource("web/favicon.svg");

    ScorecardRoutes(OperationsServer.ScorecardSource source, ScorecardPages pages, ProgrammeBuilder programme,
                    BlockingReplies replies) {
        this.source = source;
        this.pages = pages;
        this.programme = programme;
        this.replies = replies;
    }

    void mount(Router router) {
        router.route().handler(ScorecardRoutes::securityHeaders);
        router.get("/").handler(ctx -> ctx.redirect("/scorecard"));
        router.get("/scorecard").handler(ctx -> replies.reply(ctx, () -> {
            List<PlantScorecard> cards = source.scorecards();
            return Reply.ok(HTML, pages.overview(cards, programme.build(cards)));
        }));
        router.get("/scorecard/content").handler(ctx -> replies.reply(ctx, () -> {
            List<PlantScorecard> cards = source.scorecards();
            return content(200, pages.overviewContent(cards, programme.build(cards)));
        }));
        router.get("/scorecard/programme").handler(ctx -> replies.reply(ctx, () -> Reply.ok(HTML,
                pages.programme(programme.build(source.scorecards())))));
        router.get("/scorecard/programme/content").handler(ctx -> replies.reply(ctx, () -> content(200,
                pages.programmeContent(programme.build(source.scorecards())))));
        router.get("/scorecard/plants/:plant").handler(ctx -> replies.reply(ctx, () -> plant(ctx, false)));
        router.get("/scorecard/plants/:plant/content").handler(ctx -> replies.reply(ctx, () -> plant(ctx, true)));
        router.get("/api/v1/scorecard").handler(ctx -> replies.reply(ctx, () -> Reply.ok("application/json",
                ScorecardJson.write(source.scorecards(), Instant.now()))));
        router.get("/api/v1/scorecard.csv").handler(ctx -> replies.reply(ctx, () -> Reply.ok(
                "text/csv; charset=utf-8", ScorecardCsv.write(source.scorecards()))));
        router.get("/api/v1/scorecard/paths.csv").handler(ctx -> replies.reply(ctx, () -> Reply.ok(
                "text/csv; charset=utf-8", ScorecardCsv.writePaths(source.scorecards()))));
        router.get("/api/v1/programme").handler(ctx -> replies.reply(ctx, () -> Reply.ok("application/json",
                ProgrammeJson.write(programme.build(source.scorecards()), Instant.now()))));
        router.get("/api/v1/programme.csv").handler(ctx -> replies.reply(ctx, () -> Reply.ok(
                "text/csv; charset=utf-8", ProgrammeCsv.write(programme.build(source.scorecards())))));
        router.get("/api/v1/scorecard/plants/:plant").handler(ctx -> replies.reply(ctx, () -> {
            Optional<PlantDetail> detail = source.plant(ctx.pathParam("plant"));
            return detail.isPresent() ? Reply.ok("application/json", ScorecardJson.write(detail.get(), Instant.now()))
                    : new Reply(404, "application/json", "{\"error\":\"no data of this plant\"}");
        }));
        // Between instances: this instance's own plants, as the records themselves (cluster.ScorecardWire).
        router.get("/internal/v1/scorecards").handler(ctx -> replies.reply(ctx, () -> Reply.ok("application/json",
                ScorecardWire.write(source.localScorecards()))));
        router.get("/internal/v1/plants/:plant").handler(ctx -> replies.reply(ctx, () -> {
            Optional<PlantDetail> detail = source.localPlant(ctx.pathParam("plant"));
            return detail.isPresent() ? Reply.ok("application/json", ScorecardWire.write(detail.get()))
                    : new Reply(404, "application/json", "{\"error\":\"no data of this plant on this instance\"}");
        }));
        router.get("/static/scorecard.css").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/css; charset=utf-8").end(css));
        router.get("/static/scorecard.js").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/javascript; charset=utf-8").end(script));
        router.get("/static/favicon.svg").handler(ctx -> ctx.response().putHeader("content-type", "image/svg+xml")
                .end(icon));
        router.get("/favicon.ico").handler(ctx -> ctx.redirect("/static/favicon.svg"));
    }

    private Reply plant(RoutingContext ctx, boolean contentOnly) {
        String plant = ctx.pathParam("plant");
        Optional<PlantDetail> detail = source.plant(plant);
        if (detail.isEmpty()) {
            return contentOnly ? content(404, ScorecardPages.unknownPlantContent(plant))
                    : new Reply(404, HTML, pages.unknownPlant(plant));
        }
        return contentOnly ? content(200, pages.plantContent(detail.get())) : Reply.ok(HTML, pages.plant(detail.get()));
    }

    /** A page's content with its version as entity tag: the polling page gets a 304 while nothing changed. */
    private static Reply content(int status, String html) {
        return new Reply(status, HTML, html, "\"" + ScorecardPages.version(html) + "\"");
    }

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response().putHeader("content-security-policy", CSP).putHeader("x-content-type-options", "nosniff")
                .putHeader("referrer-policy", "no-referrer").putHeader("cache-control", "no-store");
        ctx.next();
    }

    private static String resource(String name) {
        try (InputStream in = ScorecardRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the analytics jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
