package dev.timbre.music.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the composer understands, found in free text (a prompt): genres, moods and tempo words, instruments, a
 * tempo ("92 bpm") and a key ("D minor"), in the order the text names them. What a rule planner turns into styles.
 */
public final class StyleWords {
    /** Mood and tempo words {@link Style} reads. */
    static final List<String> MOODS = List.of("sad", "melancholic", "dark", "moody", "haunting", "tense", "mysterious", "happy",
            "uplifting", "bright", "cheerful", "joyful", "sunny", "triumphant", "fast", "energetic", "upbeat", "driving",
            "intense", "aggressive", "powerful", "epic", "slow", "calm", "relaxing", "gentle", "soft", "peaceful", "dreamy",
            "mellow", "quiet", "romantic", "nostalgic");
    private static final Pattern BPM = Pattern.compile("\\b(\\d{2,3})\\s*bpm\\b");
    private static final Pattern KEY = Pattern.compile("\\b([a-g](?:#|b| sharp| flat)?)\\s*(major|minor)\\b");

    private StyleWords() {}

    /** The styles {@code text} names, lower case, without repeats, in the order named. */
    public static List<String> in(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        TreeMap<Integer, String> found = new TreeMap<>();
        for (Genre g : Genre.values()) for (String w : g.words) put(found, t, w);
        for (String w : MOODS) put(found, t, w);
        for (String w : Style.INSTRUMENTS.keySet()) put(found, t, w);
        Matcher bpm = BPM.matcher(t);
        if (bpm.find()) found.putIfAbsent(bpm.start(), bpm.group(1) + " bpm");
        Matcher key = KEY.matcher(t);
        if (key.find()) found.putIfAbsent(key.start(), key.group(1).toUpperCase(Locale.ROOT) + " " + key.group(2));
        List<String> out = new ArrayList<>();
        for (String w : found.values()) if (out.stream().noneMatch(o -> o.contains(w) || w.contains(o))) out.add(w);
        return out;
    }

    /** The genres the styles name, as words ("rock", "jazz"); empty when none is named. */
    public static List<String> genres(List<String> styles) {
        String t = String.join(", ", styles).toLowerCase(Locale.ROOT);
        return Genre.named(t).stream().map(g -> g.name().toLowerCase(Locale.ROOT).replace("hiphop", "hip-hop")).toList();
    }

    private static void put(TreeMap<Integer, String> found, String text, String word) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(word)).matcher(text);
        if (m.find()) found.putIfAbsent(m.start(), word);
    }
}
