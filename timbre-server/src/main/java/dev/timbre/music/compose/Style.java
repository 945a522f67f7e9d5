package dev.timbre.music.compose;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a section sounds like, read from its styles (the song's and the section's own, positive and negative):
 * genre defaults ({@link Genre}), then mood (minor/major, tempo), an explicit tempo ("92 bpm") and key ("in D minor"),
 * instruments named (the first takes the melody, the second the chords), and what the negative styles leave out.
 *
 * @param tempo   beats per minute, 50..200
 * @param tonic   the key's pitch class (0 = C)
 * @param minor   natural minor, else major
 * @param drums   the drum pattern; NONE for no drums
 * @param energy  0.3..1: velocity and density
 */
record Style(Genre genre, int tempo, int tonic, boolean minor, int leadProgram, int chordProgram, int bassProgram,
             Drums.Pattern drums, double energy) {

    /** General MIDI programs (0-based) by the words that name them; longer names first where they overlap. */
    static final Map<String, Integer> INSTRUMENTS = new java.util.LinkedHashMap<>();
    static {
        String[][] table = {{"electric piano", "4"}, {"rhodes", "4"}, {"piano", "0"}, {"organ", "16"}, {"harpsichord", "6"},
                {"acoustic guitar", "25"}, {"electric guitar", "27"}, {"distorted guitar", "30"}, {"guitar", "25"},
                {"violin", "40"}, {"cello", "42"}, {"strings", "48"}, {"choir", "52"}, {"trumpet", "56"}, {"brass", "61"},
                {"saxophone", "65"}, {"sax", "65"}, {"clarinet", "71"}, {"flute", "73"}, {"harp", "46"}, {"marimba", "12"},
                {"vibraphone", "11"}, {"bells", "14"}, {"synth", "81"}, {"pad", "89"}, {"accordion", "21"}, {"banjo", "105"}};
        for (String[] r : table) INSTRUMENTS.put(r[0], Integer.parseInt(r[1]));
    }

    private static final Pattern BPM = Pattern.compile("(\\d{2,3})\\s*bpm");
    private static final Pattern KEY = Pattern.compile("\\b([a-g])\\s*(#|sharp|b|flat)?\\s*(major|minor)\\b");
    private static final List<String> PITCHES = List.of("c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b");

    /** Reads the styles; {@code seed} picks a key when none is named. */
    static Style of(List<String> positive, List<String> negative, long seed) {
        String pos = String.join(", ", positive).toLowerCase(Locale.ROOT);
        String neg = String.join(", ", negative).toLowerCase(Locale.ROOT);
        Genre genre = Genre.of(pos);
        double tempo = genre.tempo;
        boolean minor = genre.minor;
        double energy = 0.75;
        if (any(pos, "sad", "melanchol", "dark", "moody", "somber", "minor", "haunting", "tense", "mysterious")) minor = true;
        if (any(pos, "happy", "uplifting", "bright", "cheerful", "joyful", "sunny", "major", "triumphant")) minor = false;
        if (any(pos, "fast", "energetic", "upbeat", "driving", "intense", "aggressive", "powerful", "epic")) { tempo *= 1.15; energy = 1.0; }
        if (any(pos, "slow", "calm", "relax", "gentle", "soft", "peaceful", "dreamy", "mellow", "quiet", "lullaby")) { tempo *= 0.8; energy = 0.5; }
        Matcher bpm = BPM.matcher(pos);
        if (bpm.find()) tempo = Integer.parseInt(bpm.group(1));
        int tonic = Math.floorMod(seed, 12);
        Matcher key = KEY.matcher(pos);
        if (key.find()) {
            tonic = PITCHES.indexOf(key.group(1));
            String acc = key.group(2);
            if (acc != null) tonic += acc.equals("#") || acc.equals("sharp") ? 1 : -1;
            tonic = Math.floorMod(tonic, 12);
            minor = key.group(3).equals("minor");
        }
        int lead = genre.leadProgram, chords = genre.chordProgram;
        List<Integer> named = instruments(pos);
        if (!named.isEmpty()) lead = named.get(0);
        if (named.size() > 1) chords = named.get(1);
        else if (!named.isEmpty() && genre == Genre.POP) chords = named.get(0);
        Drums.Pattern drums = genre.drums;
        if (any(pos, "no drums", "without drums", "drumless", "no percussion")) drums = Drums.Pattern.NONE;
        else if (any(pos, "drums", "beat", "percussion") && drums == Drums.Pattern.NONE) drums = Drums.Pattern.LIGHT;
        if (any(neg, "drum", "percussion", "beat")) drums = Drums.Pattern.NONE;
        java.util.Set<Integer> banned = new java.util.HashSet<>(instruments(neg));
        if (banned.contains(lead)) lead = allowed(banned, genre.leadProgram, 80, 73, 40);
        if (banned.contains(chords)) chords = allowed(banned, genre.chordProgram, 48, 0, 89);
        int t = (int) Math.round(Math.max(50, Math.min(200, tempo)));
        return new Style(genre, t, tonic, minor, lead, chords, genre.bassProgram, drums, energy);
    }

    /** The programs of the instruments {@code text} names, in the order it names them (no repeats). */
    static List<Integer> instruments(String text) {
        java.util.TreeMap<Integer, Integer> byPosition = new java.util.TreeMap<>();
        String rest = text;
        for (Map.Entry<String, Integer> e : INSTRUMENTS.entrySet()) {
            int i = rest.indexOf(e.getKey());
            if (i < 0) continue;
            byPosition.putIfAbsent(i, e.getValue());
            rest = rest.replace(e.getKey(), " ".repeat(e.getKey().length())); // "electric piano" is not also "piano"
        }
        return byPosition.values().stream().distinct().toList();
    }

    /** The first program not banned (the last when all are). */
    private static int allowed(java.util.Set<Integer> banned, int... programs) {
        for (int p : programs) if (!banned.contains(p)) return p;
        return programs[programs.length - 1];
    }

    static boolean any(String text, String... words) {
        for (String w : words) if (text.contains(w)) return true;
        return false;
    }

    /** This section's sound in the song's tempo and key. */
    Style inTimeAndKeyOf(Style song) {
        return new Style(genre, song.tempo, song.tonic, song.minor, leadProgram, chordProgram, bassProgram, drums, energy);
    }

    /** Microseconds per beat. */
    long beatUs() { return 60_000_000L / tempo; }
}
