package dev.timbre.convai.tools;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a webhook tool's URL template with dynamic variables ({@code {{name}}}) so that a value can never change
 * where the request goes: a value in the path or fragment is percent-encoded as one path segment ({@code /}, {@code ?},
 * {@code #} and {@code %} included), one in the query as a query value ({@code &} and {@code =} included); a known
 * variable in the scheme, host or port is refused. Unknown variables stay as written. Stateless.
 */
final class WebhookUrl {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*://");

    private WebhookUrl() {}

    /** @throws IllegalArgumentException when a known variable stands in the URL's scheme, host or port */
    static String fill(String template, Map<String, Object> variables) {
        if (variables == null || variables.isEmpty() || !template.contains("{{")) return template;
        int authorityEnd = authorityEnd(template);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = variables.get(m.group(1));
            String replacement;
            if (value == null) {
                replacement = m.group();
            } else if (m.start() < authorityEnd) {
                throw new IllegalArgumentException("dynamic variable '" + m.group(1) + "' may not set the tool URL's scheme, host or port");
            } else {
                boolean inQuery = inQuery(template, m.start());
                String encoded = URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
                replacement = inQuery ? encoded : encoded.replace("+", "%20");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /** Where the scheme and authority end: the first {@code /}, {@code ?} or {@code #} after {@code scheme://}. */
    static int authorityEnd(String url) {
        Matcher s = SCHEME.matcher(url);
        if (!s.find()) return url.length(); // no scheme: the URL is refused later; refuse variables in all of it
        for (int i = s.end(); i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') return i;
        }
        return url.length();
    }

    private static boolean inQuery(String url, int index) {
        int q = url.indexOf('?');
        int hash = url.indexOf('#');
        if (q < 0 || q > index || hash >= 0 && hash < q) return false; // no query, or the '?' is in the fragment
        return hash < 0 || hash > index;
    }
}
