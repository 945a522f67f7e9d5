package dev.timbre.pronunciationdictionaries;

import java.util.Locale;
import java.util.Map;

/**
 * IPA and CMU Arpabet → eSpeak NG's phoneme mnemonics (its Kirshenbaum-like ASCII notation, as {@code espeak-ng -x}
 * prints them) for the common English phonemes, ready for {@code [[…]]} phoneme input. Symbols it does not know are
 * dropped; an empty result means "no usable phonemes". Stateless and thread-safe.
 */
final class EspeakPhonemes {
    private EspeakPhonemes() {}

    /** IPA, longest symbols first where they share a prefix (diphthongs, affricates, long vowels). */
    private static final String[][] IPA = {
            {"tʃ", "tS"}, {"t͡ʃ", "tS"}, {"dʒ", "dZ"}, {"d͡ʒ", "dZ"},
            {"eɪ", "eI"}, {"aɪ", "aI"}, {"ɔɪ", "OI"}, {"aʊ", "aU"}, {"oʊ", "oU"}, {"əʊ", "oU"}, {"ɪə", "i@"}, {"eə", "e@"},
            {"ɛə", "e@"}, {"ʊə", "U@"},
            {"iː", "i:"}, {"uː", "u:"}, {"ɑː", "A:"}, {"ɔː", "O:"}, {"ɜː", "3:"}, {"ɝ", "3:"}, {"ɚ", "3"},
            {"i", "i:"}, {"ɪ", "I"}, {"e", "E"}, {"ɛ", "E"}, {"æ", "a"}, {"a", "a"}, {"ɑ", "A:"}, {"ɒ", "0"}, {"ɔ", "O:"},
            {"ʊ", "U"}, {"u", "u:"}, {"ʌ", "V"}, {"ə", "@"}, {"ɜ", "3:"}, {"o", "oU"},
            {"p", "p"}, {"b", "b"}, {"t", "t"}, {"d", "d"}, {"k", "k"}, {"g", "g"}, {"ɡ", "g"}, {"f", "f"}, {"v", "v"},
            {"θ", "T"}, {"ð", "D"}, {"s", "s"}, {"z", "z"}, {"ʃ", "S"}, {"ʒ", "Z"}, {"h", "h"}, {"m", "m"}, {"n", "n"},
            {"ŋ", "N"}, {"l", "l"}, {"ɫ", "l"}, {"r", "r"}, {"ɹ", "r"}, {"ɾ", "t"}, {"w", "w"}, {"j", "j"}, {"x", "x"},
            {"ʔ", "?"}, {"ˈ", "'"}, {"ˌ", ","}, {"'", "'"}, {",", ","}, {" ", " "}};

    private static final Map<String, String> ARPABET = Map.ofEntries(
            Map.entry("AA", "A:"), Map.entry("AE", "a"), Map.entry("AH", "V"), Map.entry("AO", "O:"), Map.entry("AW", "aU"),
            Map.entry("AY", "aI"), Map.entry("EH", "E"), Map.entry("ER", "3:"), Map.entry("EY", "eI"), Map.entry("IH", "I"),
            Map.entry("IY", "i:"), Map.entry("OW", "oU"), Map.entry("OY", "OI"), Map.entry("UH", "U"), Map.entry("UW", "u:"),
            Map.entry("B", "b"), Map.entry("CH", "tS"), Map.entry("D", "d"), Map.entry("DH", "D"), Map.entry("F", "f"),
            Map.entry("G", "g"), Map.entry("HH", "h"), Map.entry("JH", "dZ"), Map.entry("K", "k"), Map.entry("L", "l"),
            Map.entry("M", "m"), Map.entry("N", "n"), Map.entry("NG", "N"), Map.entry("P", "p"), Map.entry("R", "r"),
            Map.entry("S", "s"), Map.entry("SH", "S"), Map.entry("T", "t"), Map.entry("TH", "T"), Map.entry("V", "v"),
            Map.entry("W", "w"), Map.entry("Y", "j"), Map.entry("Z", "z"), Map.entry("ZH", "Z"));

    static String fromIpa(String ipa) {
        String s = java.text.Normalizer.normalize(ipa, java.text.Normalizer.Form.NFC).replace("/", "").replace("[", "").replace("]", "");
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < s.length()) {
            for (String[] pair : IPA) {
                if (s.startsWith(pair[0], i)) {
                    out.append(pair[1]);
                    i += pair[0].length();
                    continue outer;
                }
            }
            i++; // length marks after a short vowel, syllable dots, combining marks: nothing to say
        }
        return out.toString().strip();
    }

    /** Arpabet phones separated by spaces; a stress digit (1 primary, 2 secondary, 0 none) on vowels. */
    static String fromArpabet(String arpabet) {
        StringBuilder out = new StringBuilder();
        for (String phone : arpabet.trim().toUpperCase(Locale.ROOT).split("\\s+")) {
            if (phone.isEmpty()) continue;
            char last = phone.charAt(phone.length() - 1);
            String base = Character.isDigit(last) ? phone.substring(0, phone.length() - 1) : phone;
            String mapped = ARPABET.get(base);
            if (mapped == null) continue;
            if (last == '1') out.append('\'');
            else if (last == '2') out.append(',');
            if (last == '0' && base.equals("AH")) mapped = "@";
            if (last == '0' && base.equals("ER")) mapped = "3";
            out.append(mapped);
        }
        return out.toString();
    }
}
