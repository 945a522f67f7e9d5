package dev.timbre.music.compose;

import java.util.List;

/**
 * A genre's defaults: tempo, mode, General MIDI programs (0-based) for the melody, the chords and the bass, and the
 * drum pattern. Matched by words in the styles; the first genre named wins, {@link #POP} when none is.
 */
enum Genre {
    ROCK(List.of("rock", "grunge", "punk", "indie"), 124, false, 29, 30, 33, Drums.Pattern.ROCK),
    METAL(List.of("metal", "heavy metal"), 150, true, 30, 30, 34, Drums.Pattern.ROCK),
    JAZZ(List.of("jazz", "swing", "bebop", "bossa"), 128, false, 65, 0, 32, Drums.Pattern.JAZZ),
    BLUES(List.of("blues", "soul", "funk", "r&b", "rnb", "gospel"), 96, false, 26, 16, 33, Drums.Pattern.ROCK),
    CLASSICAL(List.of("classical", "orchestral", "cinematic", "epic", "symphon", "baroque", "film score"), 92, true, 40, 48, 42, Drums.Pattern.NONE),
    ELECTRONIC(List.of("electronic", "edm", "techno", "house", "trance", "dance", "synthwave", "disco", "dubstep"), 126, true, 81, 89, 38, Drums.Pattern.FOUR),
    HIPHOP(List.of("hip-hop", "hip hop", "hiphop", "rap", "trap", "boom bap"), 90, true, 4, 4, 38, Drums.Pattern.HIPHOP),
    LOFI(List.of("lofi", "lo-fi", "chill", "chillhop"), 80, false, 4, 4, 33, Drums.Pattern.HIPHOP),
    AMBIENT(List.of("ambient", "meditation", "drone", "new age", "atmospheric"), 70, false, 88, 89, 33, Drums.Pattern.NONE),
    FOLK(List.of("folk", "acoustic", "country", "singer-songwriter", "bluegrass"), 100, false, 24, 25, 32, Drums.Pattern.LIGHT),
    REGGAE(List.of("reggae", "ska", "dub"), 80, false, 16, 27, 33, Drums.Pattern.HIPHOP),
    LATIN(List.of("latin", "salsa", "samba", "flamenco", "tango"), 110, true, 56, 24, 32, Drums.Pattern.LIGHT),
    POP(List.of("pop"), 112, false, 80, 0, 33, Drums.Pattern.ROCK);

    final List<String> words;
    private final List<java.util.regex.Pattern> patterns; // each word at a word start: "rap" is not in "grape"
    final int tempo;
    final boolean minor;
    final int leadProgram, chordProgram, bassProgram;
    final Drums.Pattern drums;

    Genre(List<String> words, int tempo, boolean minor, int lead, int chords, int bass, Drums.Pattern drums) {
        this.words = words;
        this.patterns = words.stream().map(w -> java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(w))).toList();
        this.tempo = tempo;
        this.minor = minor;
        this.leadProgram = lead;
        this.chordProgram = chords;
        this.bassProgram = bass;
        this.drums = drums;
    }

    /** The first genre a word of {@code text} (lower case) names, in the order the text names them; POP when none. */
    static Genre of(String text) {
        Genre best = POP;
        int at = Integer.MAX_VALUE;
        for (Genre g : values()) {
            for (java.util.regex.Pattern p : g.patterns) {
                java.util.regex.Matcher m = p.matcher(text);
                if (m.find() && m.start() < at) { at = m.start(); best = g; }
            }
        }
        return best;
    }

    /** The genres {@code text} names; what a plan lists as the song's genres. */
    static List<Genre> named(String text) {
        return java.util.Arrays.stream(values()).filter(g -> g.patterns.stream().anyMatch(p -> p.matcher(text).find())).toList();
    }
}
