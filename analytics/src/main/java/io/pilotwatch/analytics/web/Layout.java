package io.pilotwatch.analytics.web;

import static io.pilotwatch.analytics.web.Html.esc;

/**
 * The page shell. Offline by construction: one stylesheet and one script, both served by the service itself,
 * no fonts, no CDN. The script refetches the page's content every {@code refreshSeconds} and swaps it in, so
 * the page follows the data without a reload; without JavaScript a meta refresh does the same.
 */
final class Layout {

    private Layout() {
    }

    /**
     * @param contentSrc where the script fetches fresh content from (the same content, without the shell)
     * @param nav        links of the header, already HTML
     * @param content    the content, already HTML
     */
    static String page(String title, String contentSrc, int refreshSeconds, String nav, String content) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="/static/scorecard.css">
                <noscript><meta http-equiv="refresh" content="%d"></noscript>
                <script src="/static/scorecard.js" defer></script>
                </head>
                <body>
                <header class="top">
                <nav>%s</nav>
                <p class="live" id="live-status" role="status" aria-live="polite">updates every %d s</p>
                </header>
                <main id="content" data-src="%s" data-refresh-seconds="%d" data-version="&quot;%s&quot;">
                %s
                </main>
                <footer>PilotWatch · figures and methods: docs/kpis.md · how to read this page: docs/scorecard.md</footer>
                </body>
                </html>
                """.formatted(esc(title), refreshSeconds, nav, refreshSeconds, esc(contentSrc), refreshSeconds,
                ScorecardPages.version(content), content);
    }
}
