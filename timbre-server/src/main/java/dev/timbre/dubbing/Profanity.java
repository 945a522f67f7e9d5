package dev.timbre.dubbing;

import dev.timbre.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ElevenLabs' {@code use_profanity_filter}: profanities in a dub's transcripts shown as {@value #CENSORED}. The words
 * are a built-in English and Spanish list ({@code dev/timbre/dubbing/profanity.txt}), each matched whole
 * (Unicode word boundaries) and case-insensitively; the stored text is kept as spoken and only what is shown (srt,
 * webvtt, the resource view) is censored. Thread-safe (an immutable pattern).
 */
final class Profanity {
    static final String CENSORED = "[censored]";
    private static final Pattern WORDS = compile(load());

    private Profanity() {}

    /** {@code text} with each listed word replaced by {@value #CENSORED}; null stays null. */
    static String censor(String text) {
        if (text == null || text.isEmpty()) return text;
        return WORDS.matcher(text).replaceAll(Matcher.quoteReplacement(CENSORED));
    }

    /** {@link #censor} for a dub made with {@code use_profanity_filter=true}, else the text unchanged. */
    static UnaryOperator<String> forDub(Dubbing d) {
        try {
            DubbingOptions o = Json.MAPPER.readValue(d.options(), DubbingOptions.class);
            return Boolean.TRUE.equals(o.useProfanityFilter()) ? Profanity::censor : UnaryOperator.identity();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Pattern compile(List<String> words) {
        String alternatives = String.join("|", words.stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static List<String> load() {
        try (InputStream in = Profanity.class.getResourceAsStream("profanity.txt")) {
            if (in == null) throw new IllegalStateException("profanity.txt is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
