package io.pilotwatch.analytics.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Escaping for everything that goes into a page. Plant and line ids come from telemetry, sources and
 * milestone ids from files: nothing is written into HTML, an attribute or a URL without passing here.
 * Five characters are all HTML needs escaped in text and quoted attributes, so no library is used for it.
 */
final class Html {

    private Html() {
    }

    /** Text or a double-quoted attribute value; null becomes empty. */
    static String esc(Object value) {
        String text = Objects.toString(value, "");
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One path segment or query value, percent-encoded (then still to be escaped into an attribute). */
    static String url(String component) {
        return URLEncoder.encode(component, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
