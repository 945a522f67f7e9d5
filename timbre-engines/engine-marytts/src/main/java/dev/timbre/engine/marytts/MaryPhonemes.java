package dev.timbre.engine.marytts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IPA and CMU Arpabet → the phone string MaryTTS's en_US voice reads in a token's {@code ph} attribute: phones
 * separated by spaces, syllables by {@code " - "}, a primary stress as {@code "'"} at the start of its syllable (e.g.
 * {@code "t @ - ' m EI - t @U"}). Covers the common English phonemes; unknown symbols are dropped. Syllables: one per
 * vowel; of the consonants between two vowels the last goes to the next syllable's onset, the others to the coda.
 * Stateless and thread-safe.
 */
final class MaryPhonemes {
    private MaryPhonemes() {}

    private static final String[][] IPA = {
            {"tʃ", "tS"}, {"t͡ʃ", "tS"}, {"dʒ", "dZ"}, {"d͡ʒ", "dZ"},
            {"eɪ", "EI"}, {"aɪ", "AI"}, {"ɔɪ", "OI"}, {"aʊ", "aU"}, {"oʊ", "@U"}, {"əʊ", "@U"}, {"ɪə", "I r="}, {"eə", "E r="},
            {"ɛə", "E r="}, {"ʊə", "U r="},
            {"iː", "i"}, {"uː", "u"}, {"ɑː", "A"}, {"ɔː", "O"}, {"ɜː", "r="}, {"ɝ", "r="}, {"ɚ", "r="},
            {"i", "i"}, {"ɪ", "I"}, {"e", "E"}, {"ɛ", "E"}, {"æ", "{"}, {"a", "{"}, {"ɑ", "A"}, {"ɒ", "A"}, {"ɔ", "O"},
            {"ʊ", "U"}, {"u", "u"}, {"ʌ", "V"}, {"ə", "@"}, {"ɜ", "r="}, {"o", "@U"},
            {"p", "p"}, {"b", "b"}, {"t", "t"}, {"d", "d"}, {"k", "k"}, {"g", "g"}, {"ɡ", "g"}, {"f", "f"}, {"v", "v"},
            {"θ", "T"}, {"ð", "D"}, {"s", "s"}, {"z", "z"}, {"ʃ", "S"}, {"ʒ", "Z"}, {"h", "h"}, {"m", "m"}, {"n", "n"},
            {"ŋ", "N"}, {"l", "l"}, {"ɫ", "l"}, {"r", "r"}, {"ɹ", "r"}, {"ɾ", "t"}, {"w", "w"}, {"j", "j"},
            {"ˈ", "'"}, {"'", "'"}};

    private static final Map<String, String> ARPABET = Map.ofEntries(
            Map.entry("AA", "A"), Map.entry("AE", "{"), Map.entry("AH", "V"), Map.entry("AO", "O"), Map.entry("AW", "aU"),
            Map.entry("AY", "AI"), Map.entry("EH", "E"), Map.entry("ER", "r="), Map.entry("EY", "EI"), Map.entry("IH", "I"),
            Map.entry("IY", "i"), Map.entry("OW", "@U"), Map.entry("OY", "OI"), Map.entry("UH", "U"), Map.entry("UW", "u"),
            Map.entry("B", "b"), Map.entry("CH", "tS"), Map.entry("D", "d"), Map.entry("DH", "D"), Map.entry("F", "f"),
            Map.entry("G", "g"), Map.entry("HH", "h"), Map.entry("JH", "dZ"), Map.entry("K", "k"), Map.entry("L", "l"),
            Map.entry("M", "m"), Map.entry("N", "n"), Map.entry("NG", "N"), Map.entry("P", "p"), Map.entry("R", "r"),
            Map.entry("S", "s"), Map.entry("SH", "S"), Map.entry("T", "t"), Map.entry("TH", "T"), Map.entry("V", "v"),
            Map.entry("W", "w"), Map.entry("Y", "j"), Map.entry("Z", "z"), Map.entry("ZH", "Z"));

    private static final java.util.Set<String> VOWELS = java.util.Set.of("A", "O", "u", "i", "{", "V", "E", "I", "U", "@", "r=",
            "aU", "OI", "@U", "EI", "AI");

    /** The MaryTTS phone string for {@code phonemes} in {@code alphabet} ("ipa" or "cmu-arpabet"); empty when none. */
    static String convert(String alphabet, String phonemes) {
        List<String> phones = "cmu-arpabet".equals(alphabet) ? arpabet(phonemes) : ipa(phonemes);
        return syllabify(phones);
    }

    /** Phones, with "'" standing before the vowel (or the syllable) it stresses. */
    private static List<String> ipa(String ipa) {
        String s = Normalizer.normalize(ipa, Normalizer.Form.NFC);
        List<String> out = new ArrayList<>();
        int i = 0;
        outer:
        while (i < s.length()) {
            for (String[] pair : IPA) {
                if (s.startsWith(pair[0], i)) {
                    for (String p : pair[1].split(" ")) out.add(p);
                    i += pair[0].length();
                    continue outer;
                }
            }
            i++;
        }
        return out;
    }

    private static List<String> arpabet(String arpabet) {
        List<String> out = new ArrayList<>();
        for (String phone : arpabet.trim().toUpperCase(Locale.ROOT).split("\\s+")) {
            if (phone.isEmpty()) continue;
            char last = phone.charAt(phone.length() - 1);
            String base = Character.isDigit(last) ? phone.substring(0, phone.length() - 1) : phone;
            String mapped = ARPABET.get(base);
            if (mapped == null) continue;
            if (last == '0' && base.equals("AH")) mapped = "@";
            if (last == '1') out.add("'");
            out.add(mapped);
        }
        return out;
    }

    private static String syllabify(List<String> phones) {
        List<List<String>> syllables = new ArrayList<>();
        List<Boolean> stressed = new ArrayList<>();
        List<String> pending = new ArrayList<>(); // consonants since the last vowel
        boolean stressNext = false;
        for (String p : phones) {
            if (p.equals("'")) {
                stressNext = true;
            } else if (VOWELS.contains(p)) {
                List<String> syllable = new ArrayList<>();
                if (!syllables.isEmpty() && pending.size() > 1) {
                    syllables.get(syllables.size() - 1).addAll(pending.subList(0, pending.size() - 1));
                    syllable.add(pending.get(pending.size() - 1));
                } else {
                    syllable.addAll(pending);
                }
                pending.clear();
                syllable.add(p);
                syllables.add(syllable);
                stressed.add(stressNext);
                stressNext = false;
            } else {
                pending.add(p);
            }
        }
        if (syllables.isEmpty()) return "";
        syllables.get(syllables.size() - 1).addAll(pending);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < syllables.size(); k++) {
            if (k > 0) b.append(" - ");
            if (stressed.get(k)) b.append("' ");
            b.append(String.join(" ", syllables.get(k)));
        }
        return b.toString();
    }
}
