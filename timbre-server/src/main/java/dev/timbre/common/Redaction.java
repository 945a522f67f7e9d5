package dev.timbre.common;

import java.net.URI;
import java.util.regex.Pattern;

/** Takes what could be a secret out of URLs and error texts that are shown or logged. Stateless. */
public final class Redaction {
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]*@");
    private static final Pattern QUERY = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s?#]*)[?#][^\\s]*");
    private static final int MAX_TEXT = 300;

    private Redaction() {}

    /** {@code url} without user info, query and fragment; null for null or an unparsable URL. */
    public static String url(String url) {
        if (url == null) return null;
        try {
            URI u = URI.create(url.strip());
            if (u.getHost() == null) return null;
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return null;
        }
    }

    /** An error text with every URL in it cut as {@link #url}, at most 300 characters; null for null. */
    public static String text(String text) {
        if (text == null) return null;
        String t = QUERY.matcher(USER_INFO.matcher(text).replaceAll("$1")).replaceAll("$1");
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t;
    }
}
