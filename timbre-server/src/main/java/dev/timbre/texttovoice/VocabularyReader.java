package dev.timbre.texttovoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reader that needs no language model: known words map to attributes ("deep" lowers the pitch, "fast" raises the
 * rate, "British" picks the accent, "child" the age). "very"/"extremely" strengthen the next word, "slightly"/"a bit"
 * soften it, "not" cancels it. Comparatives ("higher", "slower") read as the plain word, for remixes. Unknown words
 * are ignored. Stateless and thread-safe.
 */
public final class VocabularyReader implements DescriptionReader {
    /** A word's effect: pitch in semitones (added), range, rate and formant factors (multiplied). */
    private record Effect(double pitch, double range, double rate, double formant) {}

    private static final Map<String, Effect> EFFECTS = Map.ofEntries(
            Map.entry("deep", new Effect(-3, 1, 1, 0.96)), Map.entry("deeper", new Effect(-3, 1, 1, 0.96)),
            Map.entry("low", new Effect(-2, 1, 1, 1)), Map.entry("lower", new Effect(-2, 1, 1, 1)),
            Map.entry("bass", new Effect(-4, 0.9, 1, 0.95)), Map.entry("baritone", new Effect(-2.5, 1, 1, 0.97)),
            Map.entry("booming", new Effect(-2, 1.1, 0.95, 0.95)), Map.entry("resonant", new Effect(-1.5, 1, 1, 0.96)),
            Map.entry("raspy", new Effect(-1.5, 0.85, 1, 0.95)), Map.entry("gravelly", new Effect(-2, 0.8, 0.95, 0.94)),
            Map.entry("husky", new Effect(-1.5, 0.9, 1, 0.96)), Map.entry("hoarse", new Effect(-1, 0.85, 1, 0.96)),
            Map.entry("gruff", new Effect(-2, 0.85, 1, 0.95)), Map.entry("rough", new Effect(-1, 0.9, 1, 0.97)),
            Map.entry("high", new Effect(3, 1, 1, 1.02)), Map.entry("higher", new Effect(3, 1, 1, 1.02)),
            Map.entry("squeaky", new Effect(6, 1.2, 1.05, 1.12)), Map.entry("shrill", new Effect(5, 1.1, 1, 1.08)),
            Map.entry("soprano", new Effect(4, 1.1, 1, 1.04)), Map.entry("light", new Effect(1.5, 1, 1, 1.03)),
            Map.entry("bright", new Effect(1.5, 1.15, 1, 1.03)), Map.entry("sassy", new Effect(2, 1.3, 1.05, 1.04)),
            Map.entry("fast", new Effect(0, 1, 1.2, 1)), Map.entry("faster", new Effect(0, 1, 1.2, 1)),
            Map.entry("quick", new Effect(0, 1, 1.15, 1)), Map.entry("rapid", new Effect(0, 1, 1.25, 1)),
            Map.entry("brisk", new Effect(0, 1, 1.12, 1)), Map.entry("hurried", new Effect(0.5, 1, 1.2, 1)),
            Map.entry("slow", new Effect(0, 1, 0.82, 1)), Map.entry("slower", new Effect(0, 1, 0.82, 1)),
            Map.entry("measured", new Effect(0, 0.9, 0.9, 1)), Map.entry("deliberate", new Effect(0, 0.9, 0.88, 1)),
            Map.entry("unhurried", new Effect(0, 1, 0.88, 1)), Map.entry("drawling", new Effect(-0.5, 1, 0.8, 1)),
            Map.entry("calm", new Effect(-0.5, 0.75, 0.92, 1)), Map.entry("soothing", new Effect(-1, 0.7, 0.9, 1)),
            Map.entry("relaxed", new Effect(-0.5, 0.8, 0.9, 1)), Map.entry("gentle", new Effect(0, 0.8, 0.92, 1.01)),
            Map.entry("soft", new Effect(0, 0.8, 0.95, 1.01)), Map.entry("warm", new Effect(-1, 0.9, 0.95, 0.98)),
            Map.entry("monotone", new Effect(0, 0.4, 1, 1)), Map.entry("flat", new Effect(0, 0.5, 1, 1)),
            Map.entry("robotic", new Effect(0, 0.45, 1, 1)), Map.entry("bored", new Effect(-0.5, 0.5, 0.9, 1)),
            Map.entry("energetic", new Effect(1, 1.4, 1.12, 1)), Map.entry("excited", new Effect(2, 1.5, 1.15, 1)),
            Map.entry("lively", new Effect(1, 1.4, 1.08, 1)), Map.entry("animated", new Effect(1, 1.5, 1.08, 1)),
            Map.entry("expressive", new Effect(0, 1.5, 1, 1)), Map.entry("cheerful", new Effect(1.5, 1.3, 1.05, 1.02)),
            Map.entry("upbeat", new Effect(1, 1.3, 1.08, 1)), Map.entry("enthusiastic", new Effect(1.5, 1.5, 1.1, 1)),
            Map.entry("authoritative", new Effect(-1.5, 0.85, 0.95, 0.98)), Map.entry("commanding", new Effect(-2, 0.9, 0.95, 0.97)),
            Map.entry("confident", new Effect(-0.5, 1, 1, 1)), Map.entry("serious", new Effect(-1, 0.8, 0.95, 1)),
            Map.entry("sad", new Effect(-1.5, 0.6, 0.85, 1)), Map.entry("tired", new Effect(-1, 0.6, 0.85, 1)),
            Map.entry("nervous", new Effect(1.5, 1.3, 1.15, 1)), Map.entry("anxious", new Effect(1.5, 1.3, 1.15, 1)),
            Map.entry("mysterious", new Effect(-1.5, 0.8, 0.88, 0.98)), Map.entry("whispery", new Effect(0, 0.7, 0.9, 1)),
            Map.entry("tiny", new Effect(5, 1.1, 1.05, 1.15)), Map.entry("small", new Effect(3, 1, 1, 1.1)),
            Map.entry("big", new Effect(-2, 1, 0.95, 0.92)), Map.entry("giant", new Effect(-5, 0.9, 0.85, 0.85)),
            Map.entry("mouse", new Effect(5, 1.2, 1.1, 1.15)), Map.entry("monster", new Effect(-6, 0.8, 0.85, 0.85)),
            Map.entry("troll", new Effect(-5, 0.8, 0.85, 0.86)), Map.entry("ogre", new Effect(-5, 0.8, 0.85, 0.86)),
            Map.entry("pirate", new Effect(-2, 1.2, 0.95, 0.96)), Map.entry("wizard", new Effect(-1, 1.1, 0.9, 0.97)));

    private static final Map<String, String> GENDER = Map.ofEntries(
            Map.entry("woman", "female"), Map.entry("female", "female"), Map.entry("girl", "female"), Map.entry("lady", "female"),
            Map.entry("she", "female"), Map.entry("her", "female"), Map.entry("feminine", "female"), Map.entry("mother", "female"),
            Map.entry("grandmother", "female"), Map.entry("queen", "female"), Map.entry("princess", "female"),
            Map.entry("man", "male"), Map.entry("male", "male"), Map.entry("boy", "male"), Map.entry("guy", "male"),
            Map.entry("gentleman", "male"), Map.entry("he", "male"), Map.entry("his", "male"), Map.entry("masculine", "male"),
            Map.entry("father", "male"), Map.entry("grandfather", "male"), Map.entry("king", "male"), Map.entry("prince", "male"));

    private static final Map<String, String> AGE = Map.ofEntries(
            Map.entry("child", "child"), Map.entry("kid", "child"), Map.entry("boy", "child"), Map.entry("girl", "child"),
            Map.entry("toddler", "child"), Map.entry("childlike", "child"),
            Map.entry("young", "young"), Map.entry("younger", "young"), Map.entry("youthful", "young"),
            Map.entry("teen", "young"), Map.entry("teenage", "young"), Map.entry("teenager", "young"),
            Map.entry("adult", "middle_aged"), Map.entry("middle_aged", "middle_aged"), Map.entry("mature", "middle_aged"),
            Map.entry("old", "old"), Map.entry("older", "old"), Map.entry("elderly", "old"), Map.entry("aged", "old"),
            Map.entry("senior", "old"), Map.entry("grandfather", "old"), Map.entry("grandmother", "old"), Map.entry("ancient", "old"));

    private static final Map<String, String> ACCENT = Map.ofEntries(
            Map.entry("american", "american"), Map.entry("british", "british"),
            Map.entry("english", "british"), Map.entry("uk", "british"), Map.entry("london", "british"),
            Map.entry("german", "german"), Map.entry("french", "french"), Map.entry("spanish", "spanish"),
            Map.entry("italian", "italian"), Map.entry("brazilian", "brazilian"), Map.entry("portuguese", "brazilian"),
            Map.entry("dutch", "dutch"), Map.entry("polish", "polish"), Map.entry("swedish", "swedish"),
            Map.entry("indian", "indian"), Map.entry("hindi", "indian"));

    @Override
    public VoiceTraits read(String description) {
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT)
                .replaceAll("middle[- ]aged", "middle_aged").replaceAll("high[- ]pitched", "high").replaceAll("low[- ]pitched", "low")
                .replace("a bit ", "slightly ").replace("a little ", "slightly ");
        String gender = null, age = null, accent = null;
        double pitch = 0, range = 1, rate = 1, formant = 1, strength = 1;
        boolean negated = false;
        List<String> tones = new ArrayList<>();
        for (String word : text.split("[^a-z_]+")) {
            if (word.isEmpty()) continue;
            switch (word) {
                case "very", "extremely", "really", "super", "much" -> { strength = 1.6; continue; }
                case "slightly", "somewhat", "little", "mildly" -> { strength = 0.5; continue; }
                case "not", "no", "never" -> { negated = true; continue; }
                default -> { }
            }
            if (!negated) {
                if (GENDER.containsKey(word) && gender == null) gender = GENDER.get(word);
                if (AGE.containsKey(word) && (age == null || word.equals("child") || word.equals("kid"))) age = AGE.get(word);
                if (ACCENT.containsKey(word) && accent == null) accent = ACCENT.get(word);
                Effect e = EFFECTS.get(word);
                if (e != null) {
                    pitch += e.pitch * strength;
                    range *= Math.pow(e.range, strength);
                    rate *= Math.pow(e.rate, strength);
                    formant *= Math.pow(e.formant, strength);
                    if (!tones.contains(word)) tones.add(word);
                }
            }
            strength = 1;
            negated = false;
        }
        return new VoiceTraits(gender, age, accent, pitch, range, rate, formant, tones);
    }
}
